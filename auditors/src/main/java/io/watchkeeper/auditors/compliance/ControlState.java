package io.watchkeeper.auditors.compliance;

/** What a control is for one account at one instant. */
public enum ControlState {
    /** A check decides it and found nothing. */
    PASS("pass"),
    /** A finding of a deciding check was present (justified and suppressed ones too), or a required resource is missing. */
    FAIL("fail"),
    /** The account has no resource of the deciding checks' types. */
    NOT_APPLICABLE("not applicable"),
    /** The deciding checks' types had not been watched in the account yet. */
    NO_DATA("no data"),
    /** People decide it (a manual recommendation). */
    MANUAL("manual"),
    /** An automated recommendation no Watchkeeper check decides yet. */
    NOT_DECIDED("not decided");

    private final String label;

    ControlState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** How bad a state is when accounts are combined: fail, no data, pass, not applicable. */
    int rank() {
        return switch (this) {
            case FAIL -> 4;
            case NO_DATA -> 3;
            case PASS -> 2;
            case NOT_APPLICABLE -> 1;
            case MANUAL, NOT_DECIDED -> 0;
        };
    }

    /** The worse of two states. */
    public static ControlState worst(ControlState a, ControlState b) {
        if (a == null) {
            return b;
        }
        return b.rank() > a.rank() ? b : a;
    }
}
