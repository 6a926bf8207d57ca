package io.watchkeeper.web.remediation;

import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;

/**
 * A guard rail said no: the kill switch, the blast radius, a resource changed since the apply, or
 * four eyes. Nothing was changed. The API answers 409 (403 for four eyes), the CLI exits 1.
 */
public final class RemediationRefusedException extends WatchkeeperException {

    /** Which rule refused. */
    public enum Rule { GUARD_RAIL, FOUR_EYES }

    private final Rule rule;

    public RemediationRefusedException(Rule rule, String message) {
        super(ErrorCategory.DENIED, message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
