package io.watchkeeper.core.finding;

import java.time.OffsetDateTime;
import java.util.List;

/** What people change about findings; every call is recorded in the finding's history by the store. */
public interface FindingTriage {

    /** Accepts a present finding's current evidence until {@code until}; refuses fixed ones. */
    FindingView justify(long findingId, String by, String reason, OffsetDateTime until);

    /** Reopens a justified finding. */
    FindingView unjustify(long findingId, String by, String reason);

    SuppressionRule addSuppression(String checkPattern, Long accountId, String resourcePattern, String reason,
                                   String by, OffsetDateTime expiresAt);

    boolean removeSuppression(long ruleId, String by);

    List<SuppressionRule> suppressions();

    void setOverride(String checkId, Long accountId, boolean enabled, Severity severity, String by);

    boolean clearOverride(String checkId, Long accountId);

    List<CheckOverride> overrides();

    void setParameter(String checkId, Long accountId, String name, long value, String by);

    boolean clearParameter(String checkId, Long accountId, String name);

    List<CheckParameter> parameters();
}
