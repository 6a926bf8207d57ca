package io.watchkeeper.web.console;

import io.watchkeeper.certmanager.Issuance;
import io.watchkeeper.certmanager.issuer.KeySource;
import io.watchkeeper.certmanager.rotation.Renewals;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.CertificateStatus;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.RevocationReason;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.cert.AuthorityAdmin;
import io.watchkeeper.web.cert.Certificates;
import io.watchkeeper.web.cert.IssuanceLimit;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.AccountAdmin;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Certificates in the console: the inventory with expiry and filters, a certificate's page (details,
 * chain, deployments and their verification, history), issue, renew, revoke (with a confirmation
 * step when it takes the certificate off its destinations), revoke-and-replace, and the authorities.
 * Thin over {@link Certificates} and {@link AuthorityAdmin}, which check role, accounts and ownership.
 */
@Controller
public class CertificatePages {

    private final Certificates certificates;
    private final AuthorityAdmin authorities;
    private final AccountAdmin accounts;

    public CertificatePages(Certificates certificates, AuthorityAdmin authorities, AccountAdmin accounts) {
        this.certificates = certificates;
        this.authorities = authorities;
        this.accounts = accounts;
    }

    /** One inventory row. */
    public record Row(StoredCertificate c, String status, long daysLeft, String authority, String names) {}

    @GetMapping("/certificates")
    @PreAuthorize("hasRole('VIEWER')")
    String list(@RequestParam(required = false) String owner, @RequestParam(required = false) String team,
                @RequestParam(required = false) String authority, @RequestParam(required = false) String status,
                @RequestParam(required = false) Integer expiringDays, @RequestParam(required = false) String name,
                @RequestParam(required = false, defaultValue = "0") long after, Model model) {
        Caller caller = Callers.current();
        CertificateStatus wanted = status == null || status.isBlank() ? null : Arrays.stream(CertificateStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(status)).findFirst()
                .orElseThrow(() -> new InvalidInputException("unknown status"));
        if (expiringDays != null && (expiringDays < 0 || expiringDays > 3650)) {
            throw new InvalidInputException("expiring within 0-3650 days");
        }
        Instant now = Instant.now();
        List<StoredCertificate> page = certificates.list(new Certificates.Filter(owner, team, null, authority, wanted,
                expiringDays == null ? null : now.plus(Duration.ofDays(expiringDays)), name, Math.max(0, after), 100), caller);
        Map<Long, String> names = authorityNames(caller);
        model.addAttribute("rows", page.stream().map(c -> new Row(c, c.statusAt(now).name(),
                Duration.between(now, c.metadata().notAfter()).toDays(),
                c.authorityId() == null ? "(" + c.source().name().toLowerCase() + ")" : names.getOrDefault(c.authorityId(), "—"),
                String.join(", ", c.metadata().dnsNames().isEmpty() ? List.of(String.valueOf(c.metadata().commonName()))
                        : c.metadata().dnsNames()))).toList());
        model.addAttribute("next", page.size() == 100 ? page.getLast().id() : null);
        model.addAttribute("f", Map.of("owner", text(owner), "team", text(team), "authority", text(authority),
                "status", text(status), "expiringDays", expiringDays == null ? "" : expiringDays.toString(), "name", text(name)));
        model.addAttribute("statuses", CertificateStatus.values());
        model.addAttribute("authorities", authorities.list(caller));
        return "certificates";
    }

    @GetMapping("/certificates/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    String show(@PathVariable long id, Model model) {
        Certificates.Details d = certificates.details(id, Callers.current());
        model.addAttribute("d", d);
        model.addAttribute("c", d.certificate());
        model.addAttribute("status", d.certificate().statusAt(Instant.now()).name());
        model.addAttribute("reasons", Arrays.stream(RevocationReason.values()).map(RevocationReason::id).toList());
        return "certificate";
    }

    @GetMapping("/certificates/new")
    @PreAuthorize("hasRole('COMMENTER')")
    String issueForm(Model model) {
        Caller caller = Callers.current();
        model.addAttribute("authorities", authorities.list(caller));
        model.addAttribute("accounts", accounts.list(caller));
        model.addAttribute("keyTypes", Arrays.stream(KeyType.values()).map(KeyType::id).toList());
        return "certificate-new";
    }

    @PostMapping("/certificates")
    @PreAuthorize("hasRole('COMMENTER')")
    String issue(@RequestParam(required = false) String authority, @RequestParam(required = false) String commonName,
                 @RequestParam(required = false) String dnsNames, @RequestParam(required = false) String keyType,
                 @RequestParam(required = false) Integer validityDays, @RequestParam(required = false) String account,
                 @RequestParam(required = false) String team, RedirectAttributes redirect) {
        List<String> sans = dnsNames == null ? List.of() : Arrays.stream(dnsNames.split("[,\\s]+"))
                .filter(s -> !s.isBlank()).toList();
        KeyType type = KeyType.fromId(keyType == null || keyType.isBlank() ? "ec-p256" : keyType);
        Issuance.Result result = certificates.issue(new Certificates.IssueRequest(authority, commonName, sans, List.of(),
                validityDays == null ? null : Duration.ofDays(validityDays), account, null, team, null),
                new KeySource.Generate(type), Callers.current());
        redirect.addFlashAttribute("ok", "Issued certificate " + result.certificate().id() + ".");
        return "redirect:/certificates/" + result.certificate().id();
    }

    @PostMapping("/certificates/{id}/renew")
    @PreAuthorize("hasRole('COMMENTER')")
    String renew(@PathVariable long id, RedirectAttributes redirect) {
        StoredCertificate renewed = certificates.renew(id, Callers.current());
        redirect.addFlashAttribute("ok", "Renewed as certificate " + renewed.id() + " (new key).");
        return "redirect:/certificates/" + renewed.id();
    }

    @PostMapping("/certificates/{id}/revoke-and-replace")
    @PreAuthorize("hasRole('COMMENTER')")
    String revokeAndReplace(@PathVariable long id, @RequestParam(required = false) String reason,
                            RedirectAttributes redirect) {
        StoredCertificate replacement = certificates.revokeAndReplace(id, reason(reason), Callers.current());
        redirect.addFlashAttribute("ok", "Certificate " + id + " revoked; replaced by certificate " + replacement.id() + ".");
        return "redirect:/certificates/" + replacement.id();
    }

    /**
     * Revokes; when the certificate is deployed and the form did not carry the confirmation, shows
     * what would be removed and asks (nothing has happened yet).
     */
    @PostMapping("/certificates/{id}/revoke")
    @PreAuthorize("hasRole('COMMENTER')")
    String revoke(@PathVariable long id, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String confirm, Model model, RedirectAttributes redirect) {
        RevocationReason why = reason(reason);
        try {
            Certificates.Revoked done = certificates.revoke(id, why, confirm, Callers.current());
            redirect.addFlashAttribute("ok", "Certificate " + id + " revoked (" + why.id() + ")"
                    + (done.removed().isEmpty() ? "." : "; removed from " + done.removed().size() + " destination(s)."));
            return "redirect:/certificates/" + id;
        } catch (Certificates.ConfirmationRequiredException e) {
            model.addAttribute("plan", e.plan());
            model.addAttribute("reason", why.id());
            return "certificate-revoke";
        }
    }

    @GetMapping("/authorities")
    @PreAuthorize("hasRole('VIEWER')")
    String authorities(Model model) {
        List<Authority> list = authorities.list(Callers.current());
        model.addAttribute("authorities", list);
        model.addAttribute("accountNames", list.stream().collect(Collectors.toMap(Authority::id,
                a -> a.accountIds().isEmpty() ? "admins of every account" : String.join(", ",
                        authorities.accountNames(a.accountIds())))));
        return "authorities";
    }

    @ExceptionHandler(IssuanceLimit.LimitReachedException.class)
    String limit(RuntimeException e, HttpServletResponse response, Model model) {
        return problem(429, e.getMessage(), response, model);
    }

    @ExceptionHandler(Renewals.RotationUnverifiedException.class)
    String unverified(RuntimeException e, HttpServletResponse response, Model model) {
        return problem(502, e.getMessage(), response, model);
    }

    private String problem(int status, String message, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        model.addAttribute("me", Callers.current());
        return "problem";
    }

    private Map<Long, String> authorityNames(Caller caller) {
        return authorities.list(caller).stream().collect(Collectors.toMap(Authority::id, Authority::name));
    }

    private static RevocationReason reason(String reason) {
        return RevocationReason.fromId(reason == null || reason.isBlank() ? "unspecified" : reason);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
