package io.watchkeeper.core.remediation;

import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.watch.CloudSession;
import java.util.Set;

/**
 * Fixes what one check finds, and undoes it. One small class per remediation, registered through
 * {@code META-INF/services} (AutoService). Plans are computed from the stored configuration, so
 * what is approved is exactly what runs; rollback plans are computed from the configuration
 * stored before the change, so rollback restores it exactly.
 *
 * @param <C> the configuration record of the resource type
 */
public interface Remediation<C extends Record> {

    /** {@code <type>/<verb>}, e.g. {@code aws.s3.bucket/block-public-access}. */
    String id();

    /** The check whose findings it fixes. */
    CheckId fixes();

    Class<C> configType();

    /** Provider permissions the calls need. */
    Set<String> requiredPermissions();

    /** One line: what it does. */
    String description();

    /** The calls that fix {@code finding} on a resource whose current configuration is {@code config}. */
    RemediationPlan plan(FindingView finding, C config);

    /** The calls that put back {@code before}, the configuration stored before {@code applied} ran. */
    RemediationPlan rollback(RemediationPlan applied, C before);

    /**
     * Whether it may run in automatic mode. Remediations that cut access (a deploy key) or that
     * people must carry out themselves return false: their plans always wait for a person's approval.
     */
    default boolean automaticAllowed() {
        return true;
    }

    /** Runs one call of a plan this remediation produced (a plan or a rollback plan). */
    void execute(ApiCall call, CloudSession session);
}
