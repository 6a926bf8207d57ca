package io.watchkeeper.core.cert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A certificate authority Watchkeeper issues through.
 *
 * @param id database id
 * @param name unique short name used on the command line
 * @param kind internal CA or ACME
 * @param parentId the authority that signed this one (an intermediate's root), or null
 * @param metadata the CA certificate's metadata
 * @param certificatePem the CA certificate (PEM)
 * @param chainPem the certificates above it, nearest first, up to and including the root; empty for a root
 * @param policy what it may issue
 * @param imported whether it was imported rather than created here
 * @param crlNumber the number of the last CRL it published (0: none yet)
 * @param createdBy actor that created or imported it
 * @param createdAt when
 * @param accountIds the accounts whose users may see it and issue from it; empty: unrestricted users only
 */
public record Authority(
        long id,
        String name,
        AuthorityKind kind,
        Long parentId,
        CertificateMetadata metadata,
        String certificatePem,
        List<String> chainPem,
        AuthorityPolicy policy,
        boolean imported,
        long crlNumber,
        String createdBy,
        Instant createdAt,
        java.util.Set<Long> accountIds) {

    public Authority {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(policy, "policy");
        chainPem = List.copyOf(chainPem == null ? List.of() : chainPem);
        accountIds = accountIds == null ? java.util.Set.of() : java.util.Set.copyOf(accountIds);
    }

    /** Whether this is a root (self-signed, nothing above it). */
    public boolean root() {
        return chainPem.isEmpty();
    }
}
