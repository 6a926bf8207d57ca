package io.watchkeeper.core.finding;

import io.watchkeeper.core.model.InvalidInputException;
import java.util.Locale;

/** How bad a problem is on its own, before exposure and context; {@link #base()} is its score base (0..100). */
public enum Severity {
    INFO(0),
    LOW(20),
    MEDIUM(45),
    HIGH(70),
    CRITICAL(90);

    private final int base;

    Severity(int base) {
        this.base = base;
    }

    public int base() {
        return base;
    }

    public static Severity parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("unknown severity '" + value + "' (info, low, medium, high, critical)");
        }
    }
}
