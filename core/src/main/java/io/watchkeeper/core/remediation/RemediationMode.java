package io.watchkeeper.core.remediation;

import io.watchkeeper.core.model.InvalidInputException;
import java.util.Locale;

/** How a remediation may act in an account. */
public enum RemediationMode {
    /** Plans are made and shown; nothing is applied (the default). */
    DRY_RUN,
    /** Plans wait for a person's approval, then apply. */
    APPROVAL,
    /** Plans apply without approval, within the blast-radius limit. */
    AUTOMATIC;

    public static RemediationMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("unknown mode '" + text + "' (dry-run, approval, automatic)");
        }
    }
}
