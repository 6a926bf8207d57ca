package io.watchkeeper.iamtuner.catalog;

/** The access level AWS gives an action; an action may have two ("Tagging, Write"). */
public enum AccessLevel {
    LIST('L', "List"),
    READ('R', "Read"),
    WRITE('W', "Write"),
    PERMISSIONS_MANAGEMENT('P', "Permissions management"),
    TAGGING('T', "Tagging");

    private final char code;
    private final String label;

    AccessLevel(char code, String label) {
        this.code = code;
        this.label = label;
    }

    /** One letter in the catalogue file. */
    public char code() {
        return code;
    }

    /** As AWS writes it. */
    public String label() {
        return label;
    }

    public static AccessLevel ofCode(char code) {
        for (AccessLevel level : values()) {
            if (level.code == code) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown access level code '" + code + "'");
    }

    /** {@code "Permissions management"} (any case) → the level; null when unknown. */
    public static AccessLevel ofLabel(String label) {
        for (AccessLevel level : values()) {
            if (level.label.equalsIgnoreCase(label.strip())) {
                return level;
            }
        }
        return null;
    }
}
