package io.watchkeeper.core.finding;

/**
 * Who can take advantage of a problem; the score multiplies the severity by {@link #factor()}.
 * Entity classes map onto it: the internet and any AWS account ({@code INTERNET}), an account
 * Watchkeeper does not know ({@code UNKNOWN_ACCOUNT}), a declared third party, a registered
 * (friendly) account, or only principals inside the account ({@code INTERNAL}).
 */
public enum Exposure {
    INTERNET(1.0),
    UNKNOWN_ACCOUNT(0.9),
    INTERNAL(0.6),
    THIRD_PARTY(0.5),
    FRIENDLY(0.3);

    private final double factor;

    Exposure(double factor) {
        this.factor = factor;
    }

    public double factor() {
        return factor;
    }
}
