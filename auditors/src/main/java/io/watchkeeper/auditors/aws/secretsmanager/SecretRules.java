package io.watchkeeper.auditors.aws.secretsmanager;

import static io.watchkeeper.auditors.rules.Facts.details;
import static io.watchkeeper.auditors.rules.Facts.isTrue;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.rules.Facts;
import io.watchkeeper.auditors.rules.RuleCheck;
import io.watchkeeper.core.config.aws.SecretsManagerSecretConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Secrets Manager secrets: rotation on, at most 90 days, actually happening. Their resource
 * policies are checked with the other resource policies.
 */
@AutoService(CheckSet.class)
public final class SecretRules implements CheckSet {

    static final long MAX_ROTATION_DAYS = 90;
    /** Rotation on but nothing rotated for this long: the rotation function is failing. */
    static final Duration STALE = Duration.ofDays(MAX_ROTATION_DAYS + 7);

    private final Clock clock;

    public SecretRules() {
        this(Clock.systemUTC());
    }

    SecretRules(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<Check<?>> checks() {
        return List.of(
                RuleCheck.of("aws.secretsmanager.secret/rotation-off", SecretsManagerSecretConfig.class, Severity.MEDIUM)
                        .title("Secret is never rotated")
                        .why("A secret that never changes stays valid for whoever copied it once, for ever.")
                        .fix("Turn on rotation with a rotation function (or managed rotation) every 90 days or less.")
                        .when(s -> Boolean.FALSE.equals(s.rotationEnabled()) && s.deletedDate() == null
                                        && Facts.blank(s.owningService()), "rotation",
                                s -> "Secret " + s.name() + " has no rotation", Exposure.INTERNAL,
                                s -> details("rotationEnabled", false)),
                RuleCheck.of("aws.secretsmanager.secret/rotation-interval-long", SecretsManagerSecretConfig.class,
                                Severity.LOW)
                        .title("Secret rotates less often than every 90 days")
                        .why("The longer a secret lives, the longer a leaked copy keeps working.")
                        .fix("Set the rotation schedule to 90 days or less.")
                        .when(s -> isTrue(s.rotationEnabled()) && s.rotationAfterDays() != null
                                        && s.rotationAfterDays() > MAX_ROTATION_DAYS, "rotation-interval",
                                s -> "Secret " + s.name() + " rotates every " + s.rotationAfterDays() + " days",
                                Exposure.INTERNAL, s -> details("rotationAfterDays", s.rotationAfterDays())),
                RuleCheck.of("aws.secretsmanager.secret/rotation-failing", SecretsManagerSecretConfig.class, Severity.MEDIUM)
                        .title("Secret has rotation on but was not rotated for 97 days")
                        .why("Rotation is configured but does not happen (the function fails or was removed), so the"
                                + " secret is as old as if rotation were off while everyone believes otherwise.")
                        .fix("Check the rotation function's logs and permissions, then rotate the secret"
                                + " (aws secretsmanager rotate-secret).")
                        .when(s -> isTrue(s.rotationEnabled()) && s.deletedDate() == null
                                        && Facts.before(s.lastRotatedDate() != null ? s.lastRotatedDate() : s.createdDate(),
                                        clock.instant().minus(STALE)), "rotation-stale",
                                s -> "Secret " + s.name() + " was last rotated " + (s.lastRotatedDate() == null ? "never"
                                        : s.lastRotatedDate().toString()), Exposure.INTERNAL,
                                s -> details("lastRotatedDate", s.lastRotatedDate())));
    }
}
