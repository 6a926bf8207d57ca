package io.watchkeeper.core.finding;

import io.watchkeeper.core.model.InvalidInputException;
import java.util.Objects;

/**
 * A threshold a check declares (an integer with a default and a range), which people may set per
 * account or for every account ({@code checks set-parameter}); the check reads the value in force
 * through {@link AuditContext#parameter}.
 *
 * @param name stable name, lower-case words joined by dashes ({@code min-approvals})
 * @param description what the value means, with its unit
 * @param defaultValue the value when nothing is set
 * @param min smallest allowed value
 * @param max largest allowed value
 */
public record ParameterSpec(String name, String description, long defaultValue, long min, long max) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*") || min > max || defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException("bad parameter " + name);
        }
    }

    /** {@code value} when it is in range; a clear error otherwise. */
    public long validate(long value) {
        if (value < min || value > max) {
            throw new InvalidInputException(name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** A stored value as the check uses it: out-of-range values (a narrowed range) fall back to the default. */
    public long effective(Long stored) {
        return stored == null || stored < min || stored > max ? defaultValue : stored;
    }
}
