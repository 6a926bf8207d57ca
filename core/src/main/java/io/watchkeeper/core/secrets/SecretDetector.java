package io.watchkeeper.core.secrets;

import io.watchkeeper.core.finding.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Finds secrets in one file's content: one Aho-Corasick pass over the bytes for every rule's
 * keywords, then each rule's pattern only in the windows around its keywords' hits (a hit's line,
 * cut to {@code maxLineLength} either side of the hit, plus the rule's window of lines), then the
 * rule's entropy floor, structure check and value filters, the companion (nearby) check, the file
 * context, and finally overlapping matches resolved by rule priority. Thread-safe.
 */
public final class SecretDetector {

    private final SecretRules rules;
    private final AhoCorasick keywords;
    private final int[][] rulesOfKeyword;
    private final int maxLineLength;
    /** Per keyword, aligned with {@link #rulesOfKeyword}: the exact bytes a rule needs, or null (any case). */
    private final byte[][][] exactOfKeyword;

    public SecretDetector(SecretRules rules, int maxLineLength) {
        if (maxLineLength < 256) {
            throw new IllegalArgumentException("maxLineLength must be at least 256");
        }
        this.rules = rules;
        this.maxLineLength = maxLineLength;
        Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
        Map<String, List<byte[]>> exactByKeyword = new LinkedHashMap<>();
        List<SecretRule> all = rules.rules();
        for (int r = 0; r < all.size(); r++) {
            for (String k : all.get(r).keywords()) {
                String folded = k.toLowerCase(java.util.Locale.ROOT);
                List<Integer> list = byKeyword.computeIfAbsent(folded, x -> new ArrayList<>());
                if (!list.contains(r)) {
                    list.add(r);
                    // a keyword written with an upper-case letter is matched exactly (AKIA, SG., eyJ): the
                    // automaton folds case, the hit is checked against the bytes
                    exactByKeyword.computeIfAbsent(folded, x -> new ArrayList<>())
                            .add(folded.equals(k) ? null : k.getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
        this.keywords = new AhoCorasick(List.copyOf(byKeyword.keySet()));
        this.rulesOfKeyword = byKeyword.values().stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        this.exactOfKeyword = exactByKeyword.values().stream().map(l -> l.toArray(byte[][]::new)).toArray(byte[][][]::new);
    }

    public SecretRules rules() {
        return rules;
    }

    /** The secrets in {@code data[0, length)} of the file at {@code path} (repository-relative). */
    public List<Candidate> detect(String path, byte[] data, int length) {
        if (SkipPolicy.utf16(data, length)) {
            byte[] latin = new String(data, 0, length, StandardCharsets.UTF_16).getBytes(StandardCharsets.ISO_8859_1);
            return detect(path, latin, latin.length);
        }
        List<Candidate> out = new ArrayList<>();
        fileRules(path, data, length, out);
        // one pass: windows per rule, merged as hits arrive in order
        List<SecretRule> all = rules.rules();
        int[][] windows = new int[all.size()][];
        int[] counts = new int[all.size()];
        keywords.scan(data, 0, length, (k, end) -> {
            int start = end - keywords.length(k);
            int[] ruleIds = rulesOfKeyword[k];
            byte[][] exact = exactOfKeyword[k];
            for (int i = 0; i < ruleIds.length; i++) {
                if (exact[i] != null && !Arrays.equals(data, start, end, exact[i], 0, exact[i].length)) {
                    continue; // another case of a case-sensitive keyword (Asia/Tokyo is no AWS key)
                }
                int r = ruleIds[i];
                SecretRule rule = all.get(r);
                int[] w = windows[r];
                int c = counts[r];
                if (c > 0 && start < w[c - 1]) {
                    continue; // inside this rule's last window already
                }
                int ws = lineStart(data, start, rule.window().before());
                int we = lineEnd(data, length, end, rule.window().after());
                if (w == null) {
                    w = windows[r] = new int[8];
                } else if (c + 2 > w.length) {
                    w = windows[r] = Arrays.copyOf(w, w.length * 2);
                }
                if (c > 0 && ws <= w[c - 1]) {
                    w[c - 1] = Math.max(w[c - 1], we);
                } else {
                    w[c] = ws;
                    w[c + 1] = we;
                    counts[r] = c + 2;
                }
            }
        });
        CharSequence text = null;
        FileContext context = null;
        Lines lines = new Lines(data, length);
        for (int r = 0; r < all.size(); r++) {
            if (counts[r] == 0) {
                continue;
            }
            if (text == null) {
                text = new Latin1(data, 0, length);
                context = rules.contexts().of(path);
            }
            SecretRule rule = all.get(r);
            if (rule.generic() && rules.contexts().dropsGeneric(context)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
            m.useTransparentBounds(true);
            int lastStart = -1;
            for (int i = 0; i < counts[r]; i += 2) {
                if (!rule.mayMatch(data, windows[r][i], windows[r][i + 1])) {
                    continue; // e.g. a line naming a token that assigns nothing
                }
                m.region(windows[r][i], windows[r][i + 1]);
                while (m.find()) {
                    if (m.start() <= lastStart) {
                        continue;
                    }
                    lastStart = m.start();
                    Candidate c = candidate(rule, m, text, context, lines);
                    if (c != null) {
                        out.add(c);
                    }
                }
            }
        }
        return resolveOverlaps(dropProviderShaped(out));
    }

    /**
     * A generic match whose value has a provider's shape (the provider's pattern matches it, or it
     * starts with the provider's prefix) is that provider's to judge: when the provider rule
     * rejected it (a GitHub token with a wrong checksum, a truncated Slack token) the generic rule
     * does not report it either.
     */
    private List<Candidate> dropProviderShaped(List<Candidate> found) {
        if (found.stream().noneMatch(c -> c.rule().generic())) {
            return found;
        }
        List<Candidate> kept = new ArrayList<>(found.size());
        for (Candidate c : found) {
            if (!c.rule().generic() || !providerShaped(c.secret())) {
                kept.add(c);
            }
        }
        return kept;
    }

    private boolean providerShaped(String value) {
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        for (SecretRule r : rules.rules()) {
            if (r.generic() || r.window().before() > 0 || r.window().after() > 0) {
                continue;
            }
            for (String k : r.keywords()) {
                String keyword = k.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith(keyword) || (lower.contains(keyword) && r.pattern().matcher(value).find())) {
                    return true;
                }
            }
        }
        return false;
    }

    private Candidate candidate(SecretRule rule, Matcher m, CharSequence text, FileContext context, Lines lines) {
        String secret = m.group("secret");
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        if (rule.minEntropy() > 0 && Entropy.of(secret) < rule.minEntropy()) {
            return null;
        }
        Severity severity = rule.severity();
        String note = null;
        String normalised = secret;
        if (rule.check() != null) {
            StructureChecks.Verdict v = StructureChecks.named(rule.check()).check(secret, m.group());
            if (!v.valid()) {
                return null;
            }
            if (v.severity() != null) {
                severity = v.severity();
                note = v.note();
            }
        }
        if (rule.check() != null && rule.check().equals("pem-private-key")) {
            normalised = StructureChecks.pemBase64(secret);
        }
        if (!rule.valueFilters().isEmpty()) {
            String name = group(m, "name");
            String user = group(m, "user");
            if (rules.valueFilters().reject(rule.valueFilters(), secret, name, user) != null) {
                return null;
            }
        }
        int startLine = lines.lineOf(m.start());
        int endLine = lines.lineOf(Math.max(m.start(), m.end() - 1));
        if (rule.nearby() != null && nearby(rule.nearby(), text, lines, startLine, m.start(), m.end())) {
            if (rule.nearby().severity().ordinal() > severity.ordinal()) {
                severity = rule.nearby().severity();
            }
            note = "with " + rule.nearby().what() + " within " + rule.nearby().lines() + " lines";
        }
        Severity inContext = rules.contexts().severity(context, severity);
        if (inContext != severity) {
            note = (note == null ? "" : note + "; ") + "in a " + context.label() + " file";
        }
        return new Candidate(rule, secret, normalised, m.start(), m.end(), startLine, endLine, inContext, context, note);
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private boolean nearby(SecretRule.Nearby near, CharSequence text, Lines lines, int line, int skipStart, int skipEnd) {
        int from = lines.startOf(Math.max(1, line - near.lines()));
        int to = lines.endOf(line + near.lines());
        Matcher m = near.pattern().matcher(text);
        m.useTransparentBounds(true);
        m.region(from, Math.min(to, Math.max(from, Math.min(text.length(), from + (2 * near.lines() + 1) * maxLineLength))));
        while (m.find()) {
            if (m.start() < skipEnd && skipStart < m.end()) {
                continue;
            }
            if (Entropy.of(m.group()) >= near.minEntropy()) {
                return true;
            }
        }
        return false;
    }

    /** Overlapping matches: the higher priority wins, then the longer match. */
    private static List<Candidate> resolveOverlaps(List<Candidate> found) {
        if (found.size() < 2) {
            return found;
        }
        List<Candidate> byRank = new ArrayList<>(found);
        byRank.sort(Comparator.comparingInt((Candidate c) -> -c.rule().priority())
                .thenComparingInt(c -> -(c.end() - c.start())).thenComparingInt(Candidate::start));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : byRank) {
            if (kept.stream().noneMatch(c::overlaps)) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(Candidate::start).thenComparing(c -> c.rule().id()));
        return kept;
    }

    /** Files whose presence is the finding (PKCS#12 key stores). */
    private void fileRules(String path, byte[] data, int length, List<Candidate> out) {
        if (rules.fileRules().isEmpty()) {
            return;
        }
        String ext = SkipPolicy.extension(path);
        for (SecretRules.FileRule f : rules.fileRules()) {
            if (f.extensions().contains(ext) && f.magic().equals("pkcs12") && pkcs12(data, length)) {
                SecretRule asRule = new SecretRule(f.id(), f.family(), f.title(), f.severity(), List.of(ext),
                        java.util.regex.Pattern.compile("(?<secret>)"), SecretRule.Window.LINE, null, 0, false, List.of(),
                        100, null, null, null, null);
                String digest = sha256(data, length);
                FileContext context = rules.contexts().of(path);
                out.add(new Candidate(asRule, digest, digest, 0, length, 1, 1,
                        rules.contexts().severity(context, f.severity()), context, null));
            }
        }
    }

    /** A DER SEQUENCE whose first element is INTEGER 3: the PFX version of RFC 7292. */
    static boolean pkcs12(byte[] d, int n) {
        if (n < 8 || (d[0] & 0xff) != 0x30) {
            return false;
        }
        int at = 1;
        int len = d[at] & 0xff;
        at += len < 0x80 ? 1 : 1 + (len & 0x7f);
        return at + 2 < n && d[at] == 0x02 && d[at + 1] == 0x01 && d[at + 2] == 0x03;
    }

    private static String sha256(byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, 0, length);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Start of the line holding {@code at}, {@code before} lines back; each line cut at maxLineLength. */
    private int lineStart(byte[] data, int at, int before) {
        int i = at;
        for (int l = 0; l <= before; l++) {
            int floor = Math.max(0, i - maxLineLength);
            while (i > floor && data[i - 1] != '\n') {
                i--;
            }
            if (i == 0 || l == before || data[i - 1] != '\n') {
                break;
            }
            i--; // step over the newline into the previous line
        }
        return i;
    }

    /** End of the line holding {@code at - 1}, {@code after} lines on; each line cut at maxLineLength. */
    private int lineEnd(byte[] data, int length, int at, int after) {
        int i = at;
        for (int l = 0; l <= after; l++) {
            int ceiling = Math.min(length, i + maxLineLength);
            while (i < ceiling && data[i] != '\n') {
                i++;
            }
            if (i >= length || l == after || data[i] != '\n') {
                break;
            }
            i++;
        }
        return i;
    }

    /** Line numbers of offsets, indexed on first use (only files with a candidate pay for it). */
    static final class Lines {
        private final byte[] data;
        private final int length;
        private int[] starts;
        private int count;

        Lines(byte[] data, int length) {
            this.data = data;
            this.length = length;
        }

        private void index() {
            if (starts != null) {
                return;
            }
            int[] s = new int[64];
            int n = 1;
            for (int i = 0; i < length; i++) {
                if (data[i] == '\n') {
                    if (n == s.length) {
                        s = Arrays.copyOf(s, n * 2);
                    }
                    s[n++] = i + 1;
                }
            }
            starts = s;
            count = n;
        }

        /** The 1-based line of offset {@code at}. */
        int lineOf(int at) {
            index();
            int i = Arrays.binarySearch(starts, 0, count, at);
            return i >= 0 ? i + 1 : -i - 1;
        }

        /** Offset of the start of 1-based {@code line} (clamped). */
        int startOf(int line) {
            index();
            return starts[Math.min(Math.max(line, 1), count) - 1];
        }

        /** Offset of the end of 1-based {@code line} (clamped). */
        int endOf(int line) {
            index();
            return line >= count ? length : starts[line] - 1;
        }
    }
}
