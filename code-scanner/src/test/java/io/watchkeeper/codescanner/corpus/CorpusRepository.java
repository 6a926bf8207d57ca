package io.watchkeeper.codescanner.corpus;

import io.watchkeeper.codescanner.FakeSecrets;
import io.watchkeeper.codescanner.TestRepos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.Git;

/**
 * The labelled corpus: a git repository GENERATED at test time with jgit (several languages and
 * config formats, lockfiles, localisation, documentation, test fixtures, vendored code, key files
 * and key stores), with hundreds of planted format-valid FAKE secrets and hard negatives, and a
 * feature branch that is the pull request. Nothing in it is a real secret: tokens get valid
 * checksums from a seeded random source, keys are made and thrown away.
 *
 * <p>Timeline: {@code main} gets three commits (the third deletes a file whose secrets then live
 * only in history); {@code feature} leaves {@code main} there, adds files and lines with new
 * secrets, moves one base secret to another file (not new) and removes one (not reported); then
 * {@code main} moves on with a commit the pull request must not see.
 */
final class CorpusRepository {

    /** A labelled secret at a path: what a scan should report. */
    record Expected(String family, String path, String secret) {}

    /** A file of the model: planted items between filler lines, or raw bytes. */
    static final class File {
        final CorpusFiles format;
        final List<Planted> items = new ArrayList<>();
        byte[] bytes;
        Planted bytesLabel;

        File(CorpusFiles format) {
            this.format = format;
        }

        String render(java.util.Random random) {
            StringBuilder b = new StringBuilder(format == null ? "" : format.header);
            int i = 0;
            for (Planted p : items) {
                filler(b, i++);
                p.lines().forEach(l -> b.append(l).append('\n'));
            }
            filler(b, i);
            if (format != null) {
                b.append(format.footer());
            }
            return b.toString();
        }

        private void filler(StringBuilder b, int i) {
            if (format == null) {
                return;
            }
            List<String> lines = List.of(
                    format.assign("service_name", "billing-" + i),
                    format.assign("request_timeout", String.valueOf(30 + i)),
                    format.assign("api_base_url", "https://api.example.org/v" + (i % 3 + 1)),
                    format.assign("token_header", "X-Auth-Token"),
                    format.assign("password_field", "password"));
            String comment = format.comment("rotate the token and the password every 90 days (see runbook " + i + ")");
            if (comment != null) {
                b.append(comment).append('\n');
            }
            b.append(lines.get(i % lines.size())).append('\n');
        }
    }

    final Path dir;
    final Map<String, File> model = new LinkedHashMap<>();
    final Set<Expected> tree = new HashSet<>();
    final Set<Expected> pullRequest = new HashSet<>();
    final Set<Expected> history = new HashSet<>();
    final List<Planted> negatives = new ArrayList<>();
    private final Plants plants;
    private final java.util.Random random;
    private int fileNo;
    private int negativeNo;
    private long time = 1_700_000_000;

    private CorpusRepository(Path dir, long seed) {
        this.dir = dir;
        this.plants = new Plants(new FakeSecrets(seed));
        this.random = new java.util.Random(seed);
    }

    /** Builds the repository in {@code dir} and works out what each scan mode should report. */
    static CorpusRepository build(Path dir, long seed) {
        CorpusRepository c = new CorpusRepository(dir, seed);
        c.generate();
        return c;
    }

    private void generate() {
        Git git = TestRepos.init(dir);
        // main, commit 1 and 2: the base
        Map<String, Object> c1 = new LinkedHashMap<>();
        for (int i = 0; i < 26; i++) {
            textFile(c1, "src/" + dirName(i), 4 + random.nextInt(4), 2);
        }
        specialFiles(c1, 0);
        commit(git, c1, "base");
        Map<String, Object> c2 = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            textFile(c2, "services/" + dirName(i + 3), 3 + random.nextInt(3), 2);
        }
        testFixtures(c2, 6);
        commit(git, c2, "more services");
        // main, commit 3: a file with secrets is deleted (they stay in history)
        String deleted = model.keySet().stream().filter(p -> p.startsWith("services/")).findFirst().orElseThrow();
        Map<String, Object> c3 = new LinkedHashMap<>();
        c3.put(deleted, null);
        commit(git, c3, "remove an old service");

        // feature: new files, new lines, one base secret moved, one removed
        TestRepos.checkout(git, "feature", true);
        Map<String, Object> c4 = new LinkedHashMap<>();
        for (int i = 0; i < 14; i++) {
            newInPullRequest(textFile(c4, "feature/" + dirName(i + 7), 3 + random.nextInt(4), 1));
        }
        specialFiles(c4, 1).forEach(this::newInPullRequest);
        testFixtures(c4, 4).forEach(this::newInPullRequest);
        List<String> bases = model.keySet().stream().filter(p -> p.startsWith("src/") && model.get(p).format != null).toList();
        for (int i = 0; i < 4; i++) {
            File f = model.get(bases.get(i));
            Planted added = plants.positive(Plants.INLINE_FAMILIES.get(random.nextInt(Plants.INLINE_FAMILIES.size())), f.format);
            f.items.add(added);
            pullRequestLabels(bases.get(i), added);
            c4.put(bases.get(i), f.render(random));
        }
        // moved: the first positive of bases[5] goes to a new file (same format): not new to the pull request
        File from = model.get(bases.get(5));
        Planted moved = from.items.stream().filter(Planted::positive).findFirst().orElseThrow();
        from.items.remove(moved);
        c4.put(bases.get(5), from.render(random));
        File to = new File(from.format);
        to.items.add(moved);
        String movedPath = "feature/moved/" + bases.get(5).substring(bases.get(5).lastIndexOf('/') + 1);
        model.put(movedPath, to);
        c4.put(movedPath, to.render(random));
        commit(git, c4, "feature work");
        // removed: a base secret taken out by the pull request
        Map<String, Object> c5 = new LinkedHashMap<>();
        File cleaned = model.get(bases.get(6));
        cleaned.items.removeIf(Planted::positive);
        cleaned.items.add(negative(cleaned.format));
        c5.put(bases.get(6), cleaned.render(random));
        commit(git, c5, "read the secret from the environment");
        tree.addAll(labelsOfModel());

        // main moves on after the fork: history sees it, the pull request does not
        TestRepos.checkout(git, "main", false);
        Map<String, File> featureModel = new LinkedHashMap<>(model);
        // restore main's view of the files the feature changed (only for bookkeeping of later edits)
        Map<String, Object> c6 = new LinkedHashMap<>();
        textFile(c6, "later/" + dirName(1), 4, 1);
        commit(git, c6, "main after the fork");
        model.clear();
        model.putAll(featureModel);
        TestRepos.checkout(git, "feature", false);
    }

    private Set<Expected> labelsOfModel() {
        Set<Expected> out = new HashSet<>();
        model.forEach((path, f) -> {
            if (!isVendored(path)) {
                f.items.forEach(p -> p.labels().forEach(l -> out.add(new Expected(l.family(), path, l.secret()))));
                if (f.bytesLabel != null) {
                    f.bytesLabel.labels().forEach(l -> out.add(new Expected(l.family(), path, l.secret())));
                }
            }
        });
        return out;
    }

    private static boolean isVendored(String path) {
        return path.contains("node_modules/") || path.contains("vendor/");
    }

    private void newInPullRequest(String path) {
        File f = model.get(path);
        f.items.forEach(p -> pullRequestLabels(path, p));
        if (f.bytesLabel != null) {
            pullRequestLabels(path, f.bytesLabel);
        }
    }

    private void pullRequestLabels(String path, Planted p) {
        if (!isVendored(path)) {
            p.labels().forEach(l -> pullRequest.add(new Expected(l.family(), path, l.secret())));
        }
    }

    private void commit(Git git, Map<String, Object> files, String message) {
        for (var e : files.entrySet()) {
            if (e.getValue() == null) {
                model.remove(e.getKey());
            }
        }
        TestRepos.commit(git, files, message, time += 60);
        history.addAll(labelsOfModel());
    }

    private String dirName(int i) {
        return List.of("billing", "search", "ledger", "catalog", "identity", "reports", "ingest", "notify", "payments",
                "inventory", "pricing", "checkout", "gateway", "audit").get(i % 14) + "/" + (fileNo++);
    }

    private Planted negative(CorpusFiles f) {
        Planted n = plants.negative(negativeNo++ % Plants.NEGATIVE_KINDS, f);
        negatives.add(n);
        return n;
    }

    /** A source or config file with {@code positives} planted secrets and {@code negatives} hard negatives. */
    private String textFile(Map<String, Object> commit, String base, int positives, int negativesCount) {
        CorpusFiles format = CorpusFiles.ALL.get(random.nextInt(CorpusFiles.ALL.size()));
        File f = new File(format);
        List<Planted> items = new ArrayList<>();
        for (int i = 0; i < positives; i++) {
            items.add(plants.positive(Plants.INLINE_FAMILIES.get(random.nextInt(Plants.INLINE_FAMILIES.size())), format));
        }
        for (int i = 0; i < negativesCount; i++) {
            items.add(negative(format));
        }
        java.util.Collections.shuffle(items, random);
        f.items.addAll(items);
        String path = base + "/" + List.of("settings", "config", "client", "deploy", "app").get(random.nextInt(5)) + "." + format.extension;
        model.put(path, f);
        commit.put(path, f.render(random));
        return path;
    }

    private List<String> testFixtures(Map<String, Object> commit, int n) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            paths.add(textFile(commit, List.of("tests/fixtures", "src/test/resources", "spec/support").get(i % 3) + "/" + fileNo++, 2, 1));
        }
        return paths;
    }

    /** Key files, key stores, service accounts, docs, locales, lockfiles and vendored code. */
    private List<String> specialFiles(Map<String, Object> commit, int round) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            paths.add(raw(commit, "deploy/keys/service-" + round + "-" + i + ".pem", plants.privateKeyFile(false)));
            paths.add(raw(commit, "ops/ssh/id_ed25519_" + round + "_" + i, plants.privateKeyFile(true)));
            paths.add(raw(commit, "k8s/tls-" + round + "-" + i + ".yaml", plants.privateKeyInYaml()));
            paths.add(raw(commit, "gcp/sa-" + round + "-" + i + ".json", plants.serviceAccount("proj-" + round + i)));
            byte[] p12 = plants.fake().pkcs12();
            File f = new File(null);
            f.bytes = p12;
            f.bytesLabel = Planted.positive("private-key", sha256(p12));
            String p12Path = "certs/client-" + round + "-" + i + ".p12";
            model.put(p12Path, f);
            commit.put(p12Path, p12);
            paths.add(p12Path);
        }
        paths.add(raw(commit, "certs/public-" + round + ".pem", plants.publicPem()));
        // documentation: examples and placeholders, and one real token pasted into a how-to
        File docs = new File(CorpusFiles.ENV);
        docs.items.add(Planted.negative("docs-generic", "Set api_key = \"abcd1234efgh5678ijkl\" in your shell."));
        docs.items.add(negative(CorpusFiles.ENV));
        docs.items.add(plants.positive("github", CorpusFiles.ENV));
        model.put("docs/setup-" + round + ".md", docs);
        commit.put("docs/setup-" + round + ".md", "# Setup\n\n" + docs.render(random));
        paths.add("docs/setup-" + round + ".md");
        // localisation: strings that look like values of secret names
        File locale = new File(CorpusFiles.JSON);
        locale.items.add(Planted.negative("locale", "  \"password_reset_hint\": \"Bitte8ZeichenMitZahlUndSonderzeichen\","));
        locale.items.add(Planted.negative("locale", "  \"api_token_label\": \"JetonApiPourLesIntegrations2024\","));
        model.put("locales/de-" + round + ".json", locale);
        commit.put("locales/de-" + round + ".json", locale.render(random));
        // lockfile: integrity hashes everywhere, and one registry token in a resolved URL
        File lock = new File(null);
        StringBuilder l = new StringBuilder("{\n  \"name\": \"web\",\n  \"lockfileVersion\": 3,\n  \"packages\": {\n");
        for (int i = 0; i < 12; i++) {
            l.append("    \"node_modules/pkg").append(i).append("\": {\n      \"version\": \"1.").append(i)
                    .append(".0\",\n      \"resolved\": \"https://registry.npmjs.org/pkg").append(i).append("/-/pkg").append(i)
                    .append("-1.0.0.tgz\",\n      \"integrity\": \"sha512-").append(plants.fake().chars(
                            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 86)).append("==\",\n")
                    .append("      \"token\": \"").append(plants.fake().chars("abcdefghijklmnopqrstuvwxyz0123456789", 32)).append("\"\n    },\n");
        }
        String npm = plants.fake().npm();
        l.append("    \"node_modules/private\": {\n      \"resolved\": \"https://npm.corp.example/private/-/private-1.0.0.tgz?auth=")
                .append(npm).append("\"\n    }\n  }\n}\n");
        lock.items.add(Planted.positive("npm", npm));
        model.put("web-" + round + "/package-lock.json", lock);
        commit.put("web-" + round + "/package-lock.json", l.toString());
        paths.add("web-" + round + "/package-lock.json");
        // vendored code with a secret-looking value: skipped by default, so not expected
        File vendored = new File(CorpusFiles.JS);
        vendored.items.add(plants.positive("stripe", CorpusFiles.JS));
        model.put("web-" + round + "/node_modules/left-pad/config.js", vendored);
        commit.put("web-" + round + "/node_modules/left-pad/config.js", vendored.render(random));
        return paths;
    }

    static String sha256(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String raw(Map<String, Object> commit, String path, Planted p) {
        File f = new File(null);
        f.items.add(p);
        model.put(path, f);
        commit.put(path, String.join("\n", p.lines()) + "\n");
        return path;
    }
}
