package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.core.finding.FindingEvent;
import io.watchkeeper.core.finding.FindingFilter;
import io.watchkeeper.core.finding.FindingReader;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.finding.SuppressionRule;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.Triage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Findings: search, history, justify in bulk with a preview, reopen, assign an owner, suppression rules. */
@RestController
@RequestMapping("/api/v1/findings")
@Tag(name = "findings")
public class FindingsApi {

    private final FindingReader findings;
    private final Triage triage;

    public FindingsApi(FindingReader findings, Triage triage) {
        this.findings = findings;
        this.triage = triage;
    }

    /** A bulk justification: the findings, why, until when, and the preview's token (for apply). */
    public record JustifyRequest(List<Long> ids, String reason, OffsetDateTime until, String token) {}

    /** A reason. */
    public record ReasonRequest(String reason) {}

    /** A suppression rule: check id or glob, account (null: all in scope), resource glob, reason, expiry, token. */
    public record SuppressRequest(String check, Long accountId, String resource, String reason, OffsetDateTime expiresAt,
                                  String token) {}

    /** An owner (blank clears it). */
    public record OwnerRequest(String owner) {}

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Search findings", description = "Highest score first; keyset pages.")
    public ApiPage<FindingView> list(@RequestParam(required = false) Set<FindingStatus> status,
                                     @RequestParam(required = false) String account,
                                     @RequestParam(required = false) String check,
                                     @RequestParam(required = false) String type,
                                     @RequestParam(required = false) String region,
                                     @RequestParam(required = false) Severity severity,
                                     @RequestParam(required = false) String q,
                                     @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) String cursor) {
        int size = Cursors.limit(limit, 500);
        long[] after = Cursors.scoreAndId(cursor);
        List<FindingView> page = findings.list(new FindingFilter(status, ItemsApi.blank(account), ItemsApi.blank(check),
                ItemsApi.blank(type), ItemsApi.blank(region), severity, ItemsApi.blank(q),
                after == null ? null : (int) after[0], after == null ? null : after[1], size, Callers.current().scope()));
        String next = page.size() == size ? page.getLast().score() + "." + page.getLast().id() : null;
        return new ApiPage<>(page, next);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "One finding")
    public FindingView get(@PathVariable long id) {
        return triage.visible(id, Callers.current()).orElseThrow(Caller.NotVisibleException::new);
    }

    @GetMapping("/{id}/events")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "A finding's history")
    public List<FindingEvent> events(@PathVariable long id) {
        get(id);
        return findings.history(id);
    }

    @PostMapping("/justify/preview")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @Operation(summary = "Preview a bulk justification", description = "Changes nothing; returns the exact changes and a token.")
    public Triage.Preview preview(@RequestBody JustifyRequest request) {
        return triage.previewJustify(request.ids(), request.reason(), request.until(), Callers.current());
    }

    @PostMapping("/justify")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @Operation(summary = "Apply a previewed bulk justification", description = "409 when the findings changed since the preview.")
    public List<FindingView> justify(@RequestBody JustifyRequest request) {
        return triage.justify(request.ids(), request.reason(), request.until(), request.token(), Callers.current());
    }

    @PostMapping("/suppress/preview")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @Operation(summary = "Preview a suppression rule", description = "Lists every finding it would suppress now.")
    public Triage.Preview previewSuppress(@RequestBody SuppressRequest r) {
        return triage.previewSuppress(r.check(), r.accountId(), r.resource(), r.reason(), r.expiresAt(), Callers.current());
    }

    @PostMapping("/suppress")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @Operation(summary = "Add a previewed suppression rule", description = "409 when the matching findings changed.")
    public SuppressionRule suppress(@RequestBody SuppressRequest r) {
        return triage.suppress(r.check(), r.accountId(), r.resource(), r.reason(), r.expiresAt(), r.token(),
                Callers.current());
    }

    @GetMapping("/suppressions")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Active suppression rules", description = "Those of your accounts and those for every account.")
    public List<SuppressionRule> suppressions() {
        return triage.suppressions(Callers.current());
    }

    @DeleteMapping("/suppressions/{ruleId}")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @Operation(summary = "Remove a suppression rule", description = "Re-audits at once: its findings reopen.")
    public SuppressionRule unsuppress(@PathVariable long ruleId) {
        return triage.unsuppress(ruleId, Callers.current());
    }

    @PostMapping("/{id}/unjustify")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @Operation(summary = "Reopen a justified finding")
    public FindingView unjustify(@PathVariable long id, @RequestBody ReasonRequest request) {
        return triage.unjustify(id, request.reason(), Callers.current());
    }

    @PostMapping("/{id}/owner")
    @PreAuthorize("hasRole('COMMENTER')")
    @Operation(summary = "Assign an owner")
    public FindingView assign(@PathVariable long id, @RequestBody OwnerRequest request) {
        return triage.assign(id, request.owner(), Callers.current());
    }
}
