package io.watchkeeper.core.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The keyword prefilter: every keyword found in one pass over the bytes (Aho-Corasick automaton,
 * ASCII case-insensitive), before any regular expression runs. The automaton is built over byte
 * classes (bytes that occur in no keyword share one class) and then flattened into a full table of
 * 256 entries per state, so the inner loop is one array read per byte (and one comparison that
 * tells states with output apart). Immutable and thread-safe once built.
 */
public final class AhoCorasick {

    /** Receives each hit: the keyword's index and the offset just after its last byte. */
    @FunctionalInterface
    public interface Hits {
        void hit(int keyword, int end);
    }

    private final byte[] classOf = new byte[256];
    private final int classes;
    /** Per state 256 entries (one per byte value): the target state's row offset (state << 8). */
    private final int[] table;
    private final int[][] outputs;
    private final int firstOutput;
    private final int start;
    private final int[] lengths;
    private final int maxLength;
    /** Ranges shorter than this are read by one automaton. */
    private static final int SPLIT = 4096;

    /** Builds the automaton; keywords are ASCII, compared case-insensitively. */
    public AhoCorasick(List<String> keywords) {
        if (keywords.isEmpty()) {
            throw new IllegalArgumentException("no keywords");
        }
        byte[][] words = new byte[keywords.size()][];
        lengths = new int[keywords.size()];
        int classCount = 1; // class 0: every byte in no keyword
        for (int k = 0; k < words.length; k++) {
            String w = keywords.get(k).toLowerCase(Locale.ROOT);
            if (w.isEmpty() || !StandardCharsets.US_ASCII.newEncoder().canEncode(w)) {
                throw new IllegalArgumentException("keyword must be non-empty ASCII: '" + keywords.get(k) + "'");
            }
            words[k] = w.getBytes(StandardCharsets.US_ASCII);
            lengths[k] = words[k].length;
            for (byte b : words[k]) {
                if (classOf[b & 0xff] == 0) {
                    if (classCount > 127) {
                        throw new IllegalArgumentException("too many distinct keyword characters");
                    }
                    byte c = (byte) classCount++;
                    classOf[b & 0xff] = c;
                    if (b >= 'a' && b <= 'z') {
                        classOf[b - 32] = c; // the upper-case letter
                    }
                }
            }
        }
        classes = classCount;
        maxLength = Arrays.stream(lengths).max().orElse(1);

        // trie
        List<int[]> next = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        next.add(newRow());
        out.add(new ArrayList<>());
        for (int k = 0; k < words.length; k++) {
            int s = 0;
            for (byte b : words[k]) {
                int c = classOf[b & 0xff];
                if (next.get(s)[c] < 0) {
                    next.get(s)[c] = next.size();
                    next.add(newRow());
                    out.add(new ArrayList<>());
                }
                s = next.get(s)[c];
            }
            out.get(s).add(k);
        }
        // failure links, breadth first, turned into a full transition table
        int states = next.size();
        int[] fail = new int[states];
        int[] delta = new int[states * classes];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < classes; c++) {
            int t = next.get(0)[c];
            if (t < 0) {
                delta[c] = 0;
            } else {
                delta[c] = t;
                fail[t] = 0;
                queue.add(t);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            out.get(s).addAll(out.get(fail[s]));
            for (int c = 0; c < classes; c++) {
                int t = next.get(s)[c];
                if (t < 0) {
                    delta[s * classes + c] = delta[fail[s] * classes + c];
                } else {
                    delta[s * classes + c] = t;
                    fail[t] = delta[fail[s] * classes + c];
                    queue.add(t);
                }
            }
        }
        // Renumber: states without output first, states with output last, so the scan loop tells them
        // apart with one comparison; transitions hold the target's row offset (state << 8).
        int[] order = new int[states];
        int[] rank = new int[states];
        int k = 0;
        for (int st = 0; st < states; st++) {
            if (out.get(st).isEmpty()) {
                order[k++] = st;
            }
        }
        firstOutput = k;
        for (int st = 0; st < states; st++) {
            if (!out.get(st).isEmpty()) {
                order[k++] = st;
            }
        }
        for (int i = 0; i < states; i++) {
            rank[order[i]] = i;
        }
        table = new int[states << 8];
        outputs = new int[states - firstOutput][];
        for (int i = 0; i < states; i++) {
            int old = order[i];
            for (int b = 0; b < 256; b++) {
                table[(i << 8) | b] = rank[delta[old * classes + classOf[b]]] << 8;
            }
            if (i >= firstOutput) {
                outputs[i - firstOutput] = out.get(old).stream().mapToInt(Integer::intValue).distinct().toArray();
            }
        }
        start = rank[0] << 8;
    }

    private int[] newRow() {
        int[] row = new int[128];
        Arrays.fill(row, -1);
        return row;
    }

    /** The length in bytes of keyword {@code k}. */
    public int length(int k) {
        return lengths[k];
    }

    /**
     * Reports every occurrence of every keyword in {@code data[from, to)}, in the order of their ends. A longer
     * range is read by two automata at once, one per half (the second starts the longest keyword's length before
     * the middle and reports only what ends after it): each byte costs a table read that depends on the previous
     * one, and two independent chains keep the processor busy while a read waits. The second half's hits are held
     * back and reported after the first half's, so the order is the one pass's.
     */
    public void scan(byte[] data, int from, int to, Hits hits) {
        if (to - from < Math.max(SPLIT, 4 * maxLength)) {
            scanRange(data, from, to, start, hits);
            return;
        }
        final int[] t = table;
        final int limit = firstOutput << 8;
        final int mid = from + (to - from) / 2;
        final int second = mid - (maxLength - 1); // the second automaton's first byte
        final int half = mid - from;              // bytes read by the first automaton (the second reads more)
        int[] held = null;
        int heldCount = 0;
        int s1 = start;
        int s2 = start;
        for (int k = 0; k < half; k++) {
            int i = from + k;
            int j = second + k;
            s1 = t[s1 | (data[i] & 0xff)];
            s2 = t[s2 | (data[j] & 0xff)];
            if (s1 >= limit) {
                for (int w : outputs[(s1 >> 8) - firstOutput]) {
                    hits.hit(w, i + 1);
                }
            }
            if (s2 >= limit && j >= mid) {
                for (int w : outputs[(s2 >> 8) - firstOutput]) {
                    if (held == null) {
                        held = new int[32];
                    } else if (heldCount + 2 > held.length) {
                        held = Arrays.copyOf(held, held.length * 2);
                    }
                    held[heldCount++] = w;
                    held[heldCount++] = j + 1;
                }
            }
        }
        for (int h = 0; h < heldCount; h += 2) {
            hits.hit(held[h], held[h + 1]);
        }
        int j = second + half;
        if (j < to) {
            scanRange(data, j, to, s2, hits); // the second automaton's state carries on, hits in order
        }
    }

    private void scanRange(byte[] data, int from, int to, int state, Hits hits) {
        final int[] t = table;
        final int limit = firstOutput << 8;
        int s = state;
        for (int i = from; i < to; i++) {
            s = t[s | (data[i] & 0xff)];
            if (s >= limit) {
                for (int k : outputs[(s >> 8) - firstOutput]) {
                    hits.hit(k, i + 1);
                }
            }
        }
    }

    /** The offset just after the first keyword occurrence in {@code data[from, to)}, or -1 when there is none. */
    public int first(byte[] data, int from, int to) {
        final int[] t = table;
        final int limit = firstOutput << 8;
        int s = start;
        for (int i = from; i < to; i++) {
            s = t[s | (data[i] & 0xff)];
            if (s >= limit) {
                return i + 1;
            }
        }
        return -1;
    }
}
