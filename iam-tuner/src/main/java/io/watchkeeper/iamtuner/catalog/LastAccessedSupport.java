package io.watchkeeper.iamtuner.catalog;

/**
 * Whether IAM action-level last-accessed data covers an action ({@code SupportedBy."IAM Action Last
 * Accessed"} in AWS's service reference). The bundled snapshot comes from a package without this flag,
 * so its actions are {@link #UNKNOWN} until the catalogue is refreshed from the service reference; the
 * tuner also learns it at run time, since GetServiceLastAccessedDetails lists the actions it tracks.
 */
public enum LastAccessedSupport {
    TRACKED('Y'),
    NOT_TRACKED('N'),
    UNKNOWN('?');

    private final char code;

    LastAccessedSupport(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static LastAccessedSupport ofCode(char code) {
        for (LastAccessedSupport s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown last-accessed code '" + code + "'");
    }
}
