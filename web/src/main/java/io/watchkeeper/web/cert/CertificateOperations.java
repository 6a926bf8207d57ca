package io.watchkeeper.web.cert;

import io.watchkeeper.aws.AwsSessionFactory;
import io.watchkeeper.certmanager.Discovery;
import io.watchkeeper.certmanager.ExportFormat;
import io.watchkeeper.certmanager.KeyExport;
import io.watchkeeper.certmanager.destination.Deployments;
import io.watchkeeper.certmanager.keys.MasterKeyRotation;
import io.watchkeeper.certmanager.rotation.Renewals;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.cert.KeyVault;
import io.watchkeeper.core.cert.Ownership;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.security.Caller;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Operations that touch the server, the clouds or the keys — deploying, exporting a private key,
 * discovery, the renewal sweep, master key rotation — for admins only (the command line is one),
 * through the same checks and audit log as every other write.
 */
@Service
public class CertificateOperations {

    private final CertificateAccess access;
    private final Deployments deployments;
    private final KeyExport export;
    private final Discovery discovery;
    private final Renewals renewals;
    private final MasterKeyRotation rotation;
    private final KeyVault vault;
    private final AccountStore accounts;
    private final AwsSessionFactory aws;
    private final AuditLog audit;

    public CertificateOperations(CertificateAccess access, Deployments deployments, KeyExport export, Discovery discovery,
                                 Renewals renewals, MasterKeyRotation rotation, KeyVault vault, AccountStore accounts,
                                 AwsSessionFactory aws, AuditLog audit) {
        this.access = access;
        this.deployments = deployments;
        this.export = export;
        this.discovery = discovery;
        this.renewals = renewals;
        this.rotation = rotation;
        this.vault = vault;
        this.accounts = accounts;
        this.aws = aws;
        this.audit = audit;
    }

    /** Where to install a certificate: exactly one of the four. */
    public record Destination(String pemPrefix, List<String> reload, String probe, String acm, String iam,
                              String kubernetes) {}

    /** Installs a certificate at one destination and verifies it there (admins: it writes files or cloud resources). */
    public Deployments.Result deploy(long id, Destination d, Caller caller) {
        access.actable(id, caller, Role.ADMIN);
        int given = (d.pemPrefix() == null ? 0 : 1) + (d.acm() == null ? 0 : 1) + (d.iam() == null ? 0 : 1)
                + (d.kubernetes() == null ? 0 : 1);
        if (given != 1) {
            throw new InvalidInputException(
                    "give one destination: --pem PREFIX, --acm ACCOUNT:REGION, --iam ACCOUNT or --kubernetes NS/NAME@FILE");
        }
        if (d.acm() != null || d.iam() != null) {
            String account = d.acm() != null ? d.acm().substring(0, Math.max(0, d.acm().indexOf(':'))) : d.iam();
            accounts.findByName(account).filter(a -> caller.scope().allows(a.id()))
                    .orElseThrow(() -> new InvalidInputException("unknown account '" + CertificateAccess.Text.printable(account)
                            + "'"));
        }
        if (d.pemPrefix() != null) {
            return deployments.deployPem(id, d.pemPrefix(), d.reload(), d.probe(), caller.actor());
        }
        if (d.kubernetes() != null) {
            return deployments.deployKubernetes(id, d.kubernetes(), caller.actor());
        }
        if (d.iam() != null) {
            return deployments.deployIam(id, d.iam(), caller.actor());
        }
        int colon = d.acm().indexOf(':');
        return deployments.deployAcm(id, d.acm().substring(0, Math.max(0, colon)), d.acm().substring(colon + 1),
                caller.actor());
    }

    /** The certificate with its chain, and its private key when asked (audited with the purpose). */
    public byte[] export(long id, ExportFormat format, boolean withKey, char[] password, String purpose, Caller caller) {
        if (withKey || format != ExportFormat.PEM) {
            access.actable(id, caller, Role.ADMIN); // the private key leaves Watchkeeper
        } else {
            access.visible(id, caller);
        }
        return export.export(id, format, withKey, password,
                purpose == null ? null : purpose.length() > 200 ? purpose.substring(0, 200) : purpose, caller.actor());
    }

    /** Certificates served on TLS endpoints or held in ACM/IAM join the inventory (no keys), owned as given. */
    public List<Discovery.Found> discover(List<String> endpoints, List<String> acm, List<String> iam, String account,
                                          String owner, String team, Caller caller) {
        CertificateAccess.requireUnrestrictedAdmin(caller);
        if (endpoints.isEmpty() && acm.isEmpty() && iam.isEmpty()) {
            throw new InvalidInputException("give --endpoint host:port, --acm account:region and/or --iam account");
        }
        List<Discovery.Found> found = new ArrayList<>();
        Ownership base = access.newOwnership(null, Certificates.blank(account), Certificates.blank(owner),
                Certificates.blank(team), caller);
        endpoints.forEach(e -> found.add(discovery.endpoint(e, base, caller.actor())));
        for (String target : acm) {
            int colon = target.indexOf(':');
            if (colon <= 0) {
                throw new InvalidInputException("--acm is <account name>:<region>");
            }
            var acct = accounts.require(target.substring(0, colon));
            try (var session = aws.open(acct)) {
                found.addAll(discovery.acm(session.acm(target.substring(colon + 1)), "acm:" + target,
                        withAccount(base, acct.id()), caller.actor()));
            }
        }
        for (String name : iam) {
            var acct = accounts.require(name);
            try (var session = aws.open(acct)) {
                found.addAll(discovery.iam(session.iam(), "iam:" + name, withAccount(base, acct.id()), caller.actor()));
            }
        }
        return found;
    }

    private static Ownership withAccount(Ownership o, long accountId) {
        return o.accountId() != null ? o : Ownership.of(accountId, o.userId(), o.teamId());
    }

    /** Certificates due for renewal now (without renewing). */
    public List<Long> due(int limit, Caller caller) {
        CertificateAccess.requireUnrestrictedAdmin(caller);
        return renewals.due(limit);
    }

    /** Renews every due certificate now, as the scheduler does. */
    public List<Renewals.Outcome> rotateDue(int limit, Caller caller) {
        CertificateAccess.requireUnrestrictedAdmin(caller);
        return renewals.sweep(limit, caller.actor());
    }

    /** Master key versions and how many keys each wraps. */
    public List<KeyVault.VersionCount> masterKeyStatus(Caller caller) {
        CertificateAccess.requireUnrestrictedAdmin(caller);
        return vault.versions();
    }

    /** {@code rotate} (new version, rewrap all) or {@code rewrap} (finish an interrupted rotation); audited. */
    public MasterKeyRotation.Result masterKey(String action, Caller caller) {
        CertificateAccess.requireUnrestrictedAdmin(caller);
        MasterKeyRotation.Result result = switch (action) {
            case "rotate" -> rotation.rotate();
            case "rewrap" -> rotation.rewrapAll();
            default -> throw new InvalidInputException("unknown action '" + CertificateAccess.Text.printable(action)
                    + "' (status, rotate, rewrap)");
        };
        audit.record(new AuditEntry(caller.actor(), "master-key." + action, "master-key", null, Json.object()
                .put("version", result.version()).put("rewrapped", result.rewrapped()).put("failed", result.failed().size())));
        return result;
    }
}
