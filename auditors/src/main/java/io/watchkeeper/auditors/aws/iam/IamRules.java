package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.rules.Facts.details;
import static io.watchkeeper.auditors.rules.Facts.isTrue;
import static io.watchkeeper.auditors.rules.Facts.list;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.rules.Facts;
import io.watchkeeper.auditors.rules.RuleCheck;
import io.watchkeeper.core.config.aws.IamServerCertificateConfig;
import io.watchkeeper.core.config.aws.IamUserConfig;
import io.watchkeeper.core.config.aws.IamUserConfig.AccessKey;
import io.watchkeeper.core.config.aws.RootAccountConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The root user (CIS AWS 3.0 1.4–1.7), access keys made at user setup (1.11) or never used, and IAM
 * server certificates (1.19): one condition each, on the account's {@code aws.iam.root-account},
 * {@code aws.iam.user} and {@code aws.iam.server-certificate} items.
 */
@AutoService(CheckSet.class)
public final class IamRules implements CheckSet {

    /** Root use this recent fails 1.7 (the benchmark asks that the root user not be used for daily tasks). */
    static final Duration ROOT_RECENT = Duration.ofDays(7);
    /** A key never used this long after its creation is reported (1.12 takes over at 45 days). */
    static final Duration NEVER_USED = Duration.ofDays(7);
    static final Duration EXPIRES_SOON = Duration.ofDays(30);

    private final Clock clock;

    public IamRules() {
        this(Clock.systemUTC());
    }

    IamRules(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<Check<?>> checks() {
        return List.of(
                RuleCheck.of("aws.iam.root-account/access-keys", RootAccountConfig.class, Severity.CRITICAL)
                        .title("The root user has access keys")
                        .why("Root access keys can do anything in the account and cannot be limited by any policy.")
                        .fix("Delete the root user's access keys (sign in as root, Security credentials) and use roles.")
                        .cis("1.4")
                        .when(r -> list(r.accessKeys()).stream().anyMatch(AccessKey::active)
                                        || isTrue(r.accountAccessKeysPresent()), "root:access-keys",
                                r -> "The root user has " + Math.max(1, list(r.accessKeys()).stream()
                                        .filter(AccessKey::active).count()) + " active access key(s)", Exposure.INTERNAL,
                                r -> details("activeKeys", list(r.accessKeys()).stream().filter(AccessKey::active)
                                        .map(AccessKey::slot).toList(), "accountAccessKeysPresent", r.accountAccessKeysPresent())),
                RuleCheck.of("aws.iam.root-account/no-mfa", RootAccountConfig.class, Severity.CRITICAL)
                        .title("The root user has no MFA")
                        .why("A phished or reused root password alone gives complete, unrestrictable control of the account.")
                        .fix("Enable MFA for the root user, preferably a hardware key (FIDO security key or TOTP token).")
                        .cis("1.5", "1.6")
                        .when(IamRules::rootWithoutMfa, "root:mfa", r -> "The root user signs in without MFA",
                                Exposure.INTERNAL, r -> details("accountMfaEnabled", r.accountMfaEnabled(), "mfaActive",
                                        r.mfaActive())),
                RuleCheck.of("aws.iam.root-account/virtual-mfa", RootAccountConfig.class, Severity.MEDIUM)
                        .title("The root user's MFA is a virtual device, not hardware")
                        .why("A virtual MFA lives on a phone that is lost, replaced or compromised with the rest of its data;"
                                + " the benchmark asks for a hardware device for the root user.")
                        .fix("Replace the root user's virtual MFA with a FIDO security key or hardware TOTP token.")
                        .cis("1.6")
                        .when(r -> !rootWithoutMfa(r) && !list(r.virtualMfaDevices()).isEmpty(), "root:virtual-mfa",
                                r -> "The root user's MFA is virtual (" + list(r.virtualMfaDevices()).size() + " device(s))",
                                Exposure.INTERNAL, r -> details("virtualMfaDevices", list(r.virtualMfaDevices()))),
                RuleCheck.of("aws.iam.root-account/recently-used", RootAccountConfig.class, Severity.MEDIUM)
                        .title("The root user was used in the last 7 days")
                        .why("Daily work as root leaves no least privilege and no per-person trail; its credentials are"
                                + " exposed every time they are typed.")
                        .fix("Use IAM roles or Identity Center users for daily tasks; keep root for the few tasks that need it.")
                        .cis("1.7")
                        .evaluate((r, ctx) -> rootUse(r)),
                RuleCheck.of("aws.iam.root-account/signing-certificates", RootAccountConfig.class, Severity.HIGH)
                        .title("The root user has active X.509 signing certificates")
                        .why("A root signing certificate is another long-lived root credential, as powerful as an access key.")
                        .fix("Delete the root user's signing certificates.")
                        .when(r -> r.activeSigningCertificates() != null && r.activeSigningCertificates() > 0
                                        || isTrue(r.accountSigningCertificatesPresent()), "root:signing-certificates",
                                r -> "The root user has active signing certificates", Exposure.INTERNAL,
                                r -> details("activeSigningCertificates", r.activeSigningCertificates(),
                                        "accountSigningCertificatesPresent", r.accountSigningCertificatesPresent())),
                RuleCheck.of("aws.iam.user/access-key-created-at-setup", IamUserConfig.class, Severity.LOW)
                        .title("Console user has an active access key that was never used")
                        .why("Keys made when a console user is set up are rarely needed; unused, they are a credential"
                                + " nobody watches.")
                        .fix("Delete the key; create one later only if the user needs programmatic access.")
                        .cis("1.11")
                        .evaluate((u, ctx) -> u.passwordEnabled() ? keys(u, k -> k.active() && k.lastUsedDate() == null,
                                "never used since it was created with the console user") : List.of()),
                RuleCheck.of("aws.iam.user/access-key-never-used", IamUserConfig.class, Severity.LOW)
                        .title("Access key never used since its creation")
                        .why("A key nobody uses is a credential nobody watches: whoever copied it can use it unnoticed.")
                        .fix("Delete the key if the workload that should use it does not exist any more.")
                        .evaluate((u, ctx) -> u.passwordEnabled() ? List.of() : keys(u, this::neverUsedYet,
                                "never used, created more than 7 days ago")),
                RuleCheck.of("aws.iam.server-certificate/expired", IamServerCertificateConfig.class, Severity.MEDIUM)
                        .title("IAM server certificate has expired")
                        .why("An expired certificate still attached to a load balancer breaks TLS for clients or trains"
                                + " them to accept errors; left in IAM it can be deployed by mistake.")
                        .fix("Delete the certificate (aws iam delete-server-certificate) after moving listeners to a valid one.")
                        .cis("1.19")
                        .when(c -> Facts.before(c.expiration(), clock.instant()), "expired",
                                c -> "Server certificate " + c.name() + " expired on " + c.expiration(), Exposure.INTERNAL,
                                c -> details("expiration", c.expiration())),
                RuleCheck.of("aws.iam.server-certificate/expires-soon", IamServerCertificateConfig.class, Severity.LOW)
                        .title("IAM server certificate expires within 30 days")
                        .why("IAM server certificates are not renewed automatically; when one expires, TLS to the services"
                                + " using it fails.")
                        .fix("Upload a renewed certificate and move the listeners to it, or move to ACM.")
                        .when(c -> !Facts.before(c.expiration(), clock.instant())
                                        && Facts.before(c.expiration(), clock.instant().plus(EXPIRES_SOON)), "expires-soon",
                                c -> "Server certificate " + c.name() + " expires on " + c.expiration(), Exposure.INTERNAL,
                                c -> details("expiration", c.expiration())));
    }

    /** The account summary decides when present; the credential report otherwise; unknown is not a failure. */
    static boolean rootWithoutMfa(RootAccountConfig r) {
        Boolean enabled = r.accountMfaEnabled() != null ? r.accountMfaEnabled() : r.mfaActive();
        return Boolean.FALSE.equals(enabled);
    }

    private List<Evidence> rootUse(RootAccountConfig r) {
        Instant cutoff = clock.instant().minus(ROOT_RECENT);
        List<Evidence> out = new ArrayList<>();
        if (r.passwordLastUsed() != null && !r.passwordLastUsed().isBefore(cutoff)) {
            out.add(Evidence.of("root:console", "The root user signed in to the console on " + r.passwordLastUsed(),
                    Exposure.INTERNAL, Json.tree(details("passwordLastUsed", r.passwordLastUsed()))));
        }
        for (AccessKey key : list(r.accessKeys())) {
            if (key.lastUsedDate() != null && !key.lastUsedDate().isBefore(cutoff)) {
                out.add(Evidence.of("root:key:slot" + key.slot(), "The root user's access key " + key.slot()
                        + " was used on " + key.lastUsedDate(), Exposure.INTERNAL,
                        Json.tree(details("slot", key.slot(), "lastUsedDate", key.lastUsedDate()))));
            }
        }
        return IdentityStatements.distinct(out);
    }

    private boolean neverUsedYet(AccessKey k) {
        Instant now = clock.instant();
        return k.active() && k.lastUsedDate() == null && Facts.before(k.lastRotated(), now.minus(NEVER_USED))
                && !Facts.before(k.lastRotated(), now.minus(IamUserAccessKeyUnusedCheck.UNUSED));
    }

    private static List<Evidence> keys(IamUserConfig user, java.util.function.Predicate<AccessKey> failing, String what) {
        List<Evidence> out = new ArrayList<>();
        for (AccessKey key : list(user.accessKeys())) {
            if (failing.test(key)) {
                out.add(Evidence.of("key:slot" + key.slot(), "Access key " + key.slot() + " " + what + " ("
                        + key.lastRotated() + ")", Exposure.INTERNAL, Json.tree(details("slot", key.slot(),
                        "created", key.lastRotated(), "accessKeyId", key.accessKeyId()))));
            }
        }
        return IdentityStatements.distinct(out);
    }
}
