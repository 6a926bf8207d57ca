package io.watchkeeper.core.secrets;

/** Shannon entropy of a string's characters. */
public final class Entropy {

    private Entropy() {}

    /** Bits per character (0 for an empty string). */
    public static double of(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / n;
                bits -= p * Math.log(p);
            }
        }
        if (other > 0) {
            double p = (double) other / n;
            bits -= p * Math.log(p);
        }
        return bits / Math.log(2);
    }
}
