package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.AuthorityStore;
import io.watchkeeper.core.cert.CertificateFilter;
import io.watchkeeper.core.cert.CertificateStatus;
import io.watchkeeper.core.cert.CertificateStore;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.web.security.Caller;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Certificates and authorities (read side; metadata and public PEM only — never private keys). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "certificates")
public class CertificatesApi {

    private final CertificateStore certificates;
    private final AuthorityStore authorities;

    public CertificatesApi(CertificateStore certificates, AuthorityStore authorities) {
        this.certificates = certificates;
        this.authorities = authorities;
    }

    @GetMapping("/certificates")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Certificates, id order, keyset pages")
    public ApiPage<StoredCertificate> list(@RequestParam(required = false) String owner,
                                           @RequestParam(required = false) String team,
                                           @RequestParam(required = false) CertificateStatus status,
                                           @RequestParam(required = false) Instant expiringBefore,
                                           @RequestParam(required = false) String name,
                                           @RequestParam(required = false) Integer limit,
                                           @RequestParam(required = false) String cursor) {
        int size = Cursors.limit(limit, 500);
        Long after = Cursors.id(cursor);
        List<StoredCertificate> page = certificates.list(new CertificateFilter(ItemsApi.blank(owner),
                ItemsApi.blank(team), null, status, expiringBefore, ItemsApi.blank(name), after == null ? 0 : after, size));
        return new ApiPage<>(page, page.size() == size ? Long.toString(page.getLast().id()) : null);
    }

    @GetMapping("/certificates/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "One certificate")
    public StoredCertificate get(@PathVariable long id) {
        return certificates.find(id).orElseThrow(Caller.NotVisibleException::new);
    }

    @GetMapping("/authorities")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Certificate authorities")
    public List<Authority> authorities() {
        return authorities.list();
    }
}
