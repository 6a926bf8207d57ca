package io.watchkeeper.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The automaton against a plain search of every keyword at every offset: same hits, same order (by end, as one
 * pass reports them), on ranges shorter and longer than the two-automata split, with keywords placed across the
 * middle, at both ends and overlapping each other.
 */
class AhoCorasickTest {

    private static final List<String> KEYWORDS = List.of("token", "secret", "password", "AKIA", "ghp_", "key", "ke",
            "xoxb-", "-----begin", "sk_live_", "a");
    // the longest keyword, "-----begin", sets how far before the middle the second automaton starts

    @Test
    void everyHitInOrderOnShortAndLongRangesAcrossTheMiddle() {
        AhoCorasick ac = new AhoCorasick(KEYWORDS);
        Random random = new Random(13);
        byte[] alphabet = "abcdefghijklmnopqrstuvwxyzKEYTOKEN_-:= \n\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        int[] sizes = {0, 1, 7, 4095, 4096, 4097, 8191, 10_000, 65_537};
        for (int size : sizes) {
            for (int round = 0; round < 4; round++) {
                byte[] data = new byte[size + 20];
                for (int i = 0; i < data.length; i++) {
                    data[i] = alphabet[random.nextInt(alphabet.length)];
                }
                int from = round % 2 == 0 ? 0 : Math.min(3, data.length);
                int to = from + size;
                // keywords straddling the middle of the range (where the second automaton takes over), at both ends
                int mid = from + size / 2;
                for (int shift = -10; shift <= 1 && size > 40; shift++) {
                    plant(data, mid + shift * 3, KEYWORDS.get(Math.floorMod(shift, KEYWORDS.size())));
                }
                if (size > 40) {
                    plant(data, from, "-----BEGIN");
                    plant(data, to - 8, "password");
                }
                assertThat(hits(ac, data, from, to)).as("size " + size + " round " + round).isEqualTo(expected(data, from, to));
            }
        }
    }

    @Test
    void aKeywordAroundTheMiddleIsReportedOnce() {
        AhoCorasick ac = new AhoCorasick(KEYWORDS);
        for (int size = 8192; size <= 8200; size++) {
            byte[] data = new byte[size];
            java.util.Arrays.fill(data, (byte) '.');
            int mid = size / 2;
            for (String word : List.of("password", "-----BEGIN")) {
                // every end from just before the middle to the longest keyword's length after it
                for (int end = mid - 2; end <= mid + 12; end++) {
                    byte[] copy = data.clone();
                    plant(copy, end - word.length(), word);
                    List<String> hits = hits(ac, copy, 0, size);
                    assertThat(hits).as(word + " in " + size + " bytes, ending at " + end)
                            .isEqualTo(expected(copy, 0, size)).contains(KEYWORDS.indexOf(word.equals("password") ? "password"
                                    : "-----begin") + "@" + end);
                }
            }
        }
    }

    private static void plant(byte[] data, int at, String word) {
        byte[] w = word.getBytes(StandardCharsets.US_ASCII);
        if (at >= 0 && at + w.length <= data.length) {
            System.arraycopy(w, 0, data, at, w.length);
        }
    }

    private static List<String> hits(AhoCorasick ac, byte[] data, int from, int to) {
        List<String> hits = new ArrayList<>();
        ac.scan(data, from, to, (k, end) -> hits.add(k + "@" + end));
        return hits;
    }

    /** Every keyword at every end offset, ends ascending, at one end the longer keyword first (the automaton's order). */
    private static List<String> expected(byte[] data, int from, int to) {
        String text = new String(data, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (int end = from + 1; end <= to; end++) {
            List<Integer> here = new ArrayList<>();
            for (int k = 0; k < KEYWORDS.size(); k++) {
                String w = KEYWORDS.get(k).toLowerCase(Locale.ROOT);
                if (end - w.length() >= from && text.startsWith(w, end - w.length())) {
                    here.add(k);
                }
            }
            here.sort((a, b) -> Integer.compare(KEYWORDS.get(b).length(), KEYWORDS.get(a).length()));
            for (int k : here) {
                out.add(k + "@" + end);
            }
        }
        return out;
    }
}
