package io.watchkeeper.core.secrets;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds provider secrets in configuration values that watchers read but must not store (EC2 user
 * data, Lambda environment variables) with the code scanner's rules (one copy, {@link SecretRules}):
 * only the high-precision provider rules (keys with a fixed prefix, checksum or structure; private
 * keys; database URLs with a password), never the generic keyword-and-entropy ones, whose misses on
 * placeholders would become findings. The result holds masked forms and keyed hashes only.
 *
 * <p>The hash key is the installation's code-scan key, installed once by the application
 * ({@link #useKey}) so that one secret has one hash in code findings and configurations; until then
 * (tests, benchmarks) a random key of the process is used.
 */
public final class ConfigSecrets {

    /** The longest text scanned (user data is at most 16 KB; environments at most 4 KB). */
    public static final int MAX_TEXT = 64 * 1024;
    /** At most this many secrets are kept per configuration. */
    public static final int MAX_FOUND = 20;

    private static final SecretDetector DETECTOR = new SecretDetector(precise(SecretRules.builtIn()), 4096);
    private static volatile Supplier<SecretHasher> keySource = ConfigSecrets::randomKey;
    private static volatile SecretHasher hasher;

    private ConfigSecrets() {}

    /** Installs the installation's hash key, read when first needed. */
    public static synchronized void useKey(Supplier<SecretHasher> source) {
        keySource = source;
        hasher = null;
    }

    /** The secrets in {@code text}, each at {@code location} (a line number is added for multi-line text). */
    public static List<FoundSecret> scan(String location, String text, boolean multiLine) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String bounded = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        byte[] bytes = bounded.getBytes(StandardCharsets.UTF_8);
        List<FoundSecret> out = new ArrayList<>();
        for (Candidate c : DETECTOR.detect(location, bytes, bytes.length)) {
            String where = multiLine ? location + ":" + c.startLine() : location;
            out.add(new FoundSecret(where, c.rule().id(), c.rule().title(), SecretHasher.mask(c.secret()),
                    hasher().hash(c.normalised())));
        }
        return out;
    }

    /**
     * The secrets in environment variables: each value is scanned as {@code NAME=value} (so rules that
     * need a name, such as an AWS secret key next to its key id, see it), sorted by name then rule.
     */
    public static List<FoundSecret> scanEnvironment(Map<String, String> variables) {
        if (variables == null || variables.isEmpty()) {
            return List.of();
        }
        StringBuilder text = new StringBuilder();
        List<String> names = variables.keySet().stream().sorted().toList();
        for (String name : names) {
            String value = variables.get(name);
            if (value != null && !value.isEmpty()) {
                text.append(name).append('=').append(value.replace('\n', ' ')).append('\n');
            }
        }
        List<FoundSecret> found = scan("environment", text.toString(), true);
        List<FoundSecret> out = new ArrayList<>();
        for (FoundSecret f : found) {
            int line = Integer.parseInt(f.location().substring(f.location().lastIndexOf(':') + 1));
            String name = line >= 1 && line <= names.size() ? nameOnLine(names, variables, line) : "environment";
            out.add(new FoundSecret(name, f.ruleId(), f.title(), f.masked(), f.hash()));
        }
        return bounded(out);
    }

    /** The secrets in EC2 user data (decoded text), located by line, sorted. */
    public static List<FoundSecret> scanUserData(String userData) {
        return bounded(scan("userData", userData, true));
    }

    private static List<FoundSecret> bounded(List<FoundSecret> found) {
        Set<FoundSecret> unique = new LinkedHashSet<>(found);
        return unique.stream().sorted(Comparator.comparing(FoundSecret::location).thenComparing(FoundSecret::ruleId)
                .thenComparing(FoundSecret::hash)).limit(MAX_FOUND).toList();
    }

    /** The name of the {@code line}-th non-empty variable (names are sorted, empty values skipped). */
    private static String nameOnLine(List<String> names, Map<String, String> variables, int line) {
        int n = 0;
        for (String name : names) {
            String value = variables.get(name);
            if (value != null && !value.isEmpty() && ++n == line) {
                return name;
            }
        }
        return "environment";
    }

    private static SecretHasher hasher() {
        SecretHasher h = hasher;
        if (h == null) {
            synchronized (ConfigSecrets.class) {
                if (hasher == null) {
                    hasher = keySource.get();
                }
                h = hasher;
            }
        }
        return h;
    }

    private static SecretHasher randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretHasher(key);
    }

    private static SecretRules precise(SecretRules all) {
        return all.withRules(all.rules().stream().filter(r -> !r.generic()).toList());
    }
}
