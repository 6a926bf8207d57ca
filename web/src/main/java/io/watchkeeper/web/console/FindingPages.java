package io.watchkeeper.web.console;

import io.watchkeeper.core.finding.FindingFilter;
import io.watchkeeper.core.finding.FindingReader;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.remediation.RemediationService;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.Triage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Findings: filters, bulk justification with an exact preview, the finding page and its actions. */
@Controller
public class FindingPages {

    static final int PAGE = 50;

    private final FindingReader findings;
    private final Triage triage;
    private final RemediationService remediations;
    private final io.watchkeeper.web.service.AccountAdmin accounts;

    public FindingPages(FindingReader findings, Triage triage, RemediationService remediations,
                        io.watchkeeper.web.service.AccountAdmin accounts) {
        this.accounts = accounts;
        this.findings = findings;
        this.triage = triage;
        this.remediations = remediations;
    }

    /** The filter form's values. */
    public record Filters(FindingStatus status, String account, String check, String type, String region,
                          Severity severity, String q, String provider) {}

    @GetMapping("/findings")
    @PreAuthorize("hasRole('VIEWER')")
    String list(@RequestParam(required = false) FindingStatus status, @RequestParam(required = false) String account,
                @RequestParam(required = false) String check, @RequestParam(required = false) String type,
                @RequestParam(required = false) String region, @RequestParam(required = false) Severity severity,
                @RequestParam(required = false) String q, @RequestParam(required = false) String provider,
                @RequestParam(required = false) String after, Model model) {
        long[] cursor = io.watchkeeper.web.api.Cursors.scoreAndId(after);
        List<FindingView> page = findings.list(new FindingFilter(status == null ? null : Set.of(status),
                ItemPages.blank(account), ItemPages.blank(check), ItemPages.typeOrProvider(type, provider), ItemPages.blank(region),
                severity,
                ItemPages.blank(q), cursor == null ? null : (int) cursor[0], cursor == null ? null : cursor[1], PAGE,
                Callers.current().scope()));
        model.addAttribute("findings", page);
        model.addAttribute("next", page.size() == PAGE ? page.getLast().score() + "." + page.getLast().id() : null);
        model.addAttribute("f", new Filters(status, account, check, type, region, severity, q, ItemPages.blank(provider)));
        model.addAttribute("providers", ItemPages.PROVIDERS);
        model.addAttribute("statuses", FindingStatus.values());
        model.addAttribute("severityValues", Severity.values());
        model.addAttribute("defaultUntil", LocalDate.now(ZoneOffset.UTC).plusDays(90));
        return "findings";
    }

    /** The suppress-by-rule form (its own page: the account list is read only when someone suppresses). */
    @GetMapping("/findings/suppress")
    @PreAuthorize("hasRole('JUSTIFIER')")
    String suppressForm(@RequestParam(required = false) String check, Model model) {
        model.addAttribute("check", ItemPages.blank(check));
        model.addAttribute("accounts", accounts.list(Callers.current()));
        return "suppress";
    }

    @PostMapping("/findings/justify/preview")
    @PreAuthorize("hasRole('JUSTIFIER')")
    String preview(@RequestParam(name = "id", required = false) List<Long> ids, @RequestParam String reason,
                   @RequestParam(required = false) String until, Model model) {
        Triage.Preview preview = triage.previewJustify(ids, reason, parseUntil(until), Callers.current());
        model.addAttribute("preview", preview);
        model.addAttribute("ids", ids);
        model.addAttribute("reason", reason);
        model.addAttribute("until", until);
        return "justify-preview";
    }

    @PostMapping("/findings/justify")
    @PreAuthorize("hasRole('JUSTIFIER')")
    String justify(@RequestParam(name = "id") List<Long> ids, @RequestParam String reason,
                   @RequestParam(required = false) String until, @RequestParam String token, RedirectAttributes redirect) {
        List<FindingView> done = triage.justify(ids, reason, parseUntil(until), token, Callers.current());
        redirect.addFlashAttribute("ok", "Justified " + done.size() + " finding(s).");
        return "redirect:/findings";
    }

    @PostMapping("/findings/suppress/preview")
    @PreAuthorize("hasRole('JUSTIFIER')")
    String previewSuppress(@RequestParam String check, @RequestParam(required = false) Long accountId,
                           @RequestParam(required = false) String resource, @RequestParam String reason,
                           @RequestParam(required = false) String expires, Model model) {
        Triage.Preview preview = triage.previewSuppress(check, accountId, resource, reason, parseUntil(expires),
                Callers.current());
        model.addAttribute("preview", preview);
        model.addAttribute("check", check);
        model.addAttribute("accountId", accountId);
        model.addAttribute("resource", resource);
        model.addAttribute("reason", reason);
        model.addAttribute("expires", expires);
        return "suppress-preview";
    }

    @PostMapping("/findings/suppress")
    @PreAuthorize("hasRole('JUSTIFIER')")
    String suppress(@RequestParam String check, @RequestParam(required = false) Long accountId,
                    @RequestParam(required = false) String resource, @RequestParam String reason,
                    @RequestParam(required = false) String expires, @RequestParam String token,
                    RedirectAttributes redirect) {
        var rule = triage.suppress(check, accountId, resource, reason, parseUntil(expires), token, Callers.current());
        redirect.addFlashAttribute("ok", "Suppression rule " + rule.id() + " added.");
        return "redirect:/findings";
    }

    @GetMapping("/findings/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    String finding(@PathVariable long id, Model model) {
        FindingView f = triage.visible(id, Callers.current()).orElseThrow(Caller.NotVisibleException::new);
        model.addAttribute("finding", f);
        model.addAttribute("evidence", Json.pretty(f.evidence()));
        model.addAttribute("breakdown", Json.pretty(f.breakdown()));
        model.addAttribute("events", findings.history(id));
        model.addAttribute("fixes", remediations.registry().forCheck(f.check()).stream().map(r -> r.id()).toList());
        return "finding";
    }

    @PostMapping("/findings/{id}/unjustify")
    @PreAuthorize("hasRole('JUSTIFIER')")
    String unjustify(@PathVariable long id, @RequestParam String reason, RedirectAttributes redirect) {
        triage.unjustify(id, reason, Callers.current());
        redirect.addFlashAttribute("ok", "Reopened.");
        return "redirect:/findings/" + id;
    }

    @PostMapping("/findings/{id}/owner")
    @PreAuthorize("hasRole('COMMENTER')")
    String owner(@PathVariable long id, @RequestParam(required = false) String owner, RedirectAttributes redirect) {
        triage.assign(id, owner, Callers.current());
        redirect.addFlashAttribute("ok", "Owner saved.");
        return "redirect:/findings/" + id;
    }

    /** {@code yyyy-mm-dd} (end of that day, UTC) or an ISO date-time; blank for no expiry. */
    static OffsetDateTime parseUntil(String until) {
        if (until == null || until.isBlank()) {
            return null;
        }
        try {
            if (until.length() == 10) {
                return LocalDate.parse(until).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(until);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("'until' must be a date (2027-01-31) or an ISO date-time");
        }
    }
}
