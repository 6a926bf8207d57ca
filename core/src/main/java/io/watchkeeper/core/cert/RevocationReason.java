package io.watchkeeper.core.cert;

import io.watchkeeper.core.model.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** RFC 5280 section 5.3.1 CRL reason codes (7 is unused by the RFC). */
public enum RevocationReason {
    UNSPECIFIED(0),
    KEY_COMPROMISE(1),
    CA_COMPROMISE(2),
    AFFILIATION_CHANGED(3),
    SUPERSEDED(4),
    CESSATION_OF_OPERATION(5),
    CERTIFICATE_HOLD(6),
    PRIVILEGE_WITHDRAWN(9),
    AA_COMPROMISE(10);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    /** The RFC 5280 {@code CRLReason} value. */
    public int code() {
        return code;
    }

    /** Command-line form: {@code key-compromise}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static RevocationReason fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(r -> r.id().equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInputException("unknown revocation reason '" + id + "' (expected one of "
                        + Arrays.stream(values()).map(RevocationReason::id).collect(Collectors.joining(", ")) + ")"));
    }

    public static RevocationReason fromCode(int code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown CRL reason code " + code));
    }
}
