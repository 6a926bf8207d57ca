package io.watchkeeper.codescanner;

import io.watchkeeper.codescanner.finding.Finding;
import io.watchkeeper.core.secrets.SecretHasher;
import io.watchkeeper.codescanner.finding.Verification;
import io.watchkeeper.codescanner.iac.IacAnalyzer;
import io.watchkeeper.codescanner.iac.IacFile;
import io.watchkeeper.codescanner.iac.IacFindings;
import io.watchkeeper.codescanner.iac.IacSources;
import io.watchkeeper.core.secrets.Candidate;
import io.watchkeeper.core.secrets.SecretDetector;
import io.watchkeeper.core.secrets.SkipPolicy;
import io.watchkeeper.codescanner.source.Content;
import io.watchkeeper.codescanner.source.ContentReader;
import io.watchkeeper.codescanner.source.FileRef;
import io.watchkeeper.codescanner.source.GitRepos;
import io.watchkeeper.codescanner.source.GitSources;
import io.watchkeeper.codescanner.source.Skipped;
import io.watchkeeper.codescanner.source.WorkingTree;
import io.watchkeeper.codescanner.taint.JavaTaintAnalyzer;
import io.watchkeeper.codescanner.taint.TaintFindings;
import io.watchkeeper.codescanner.verify.SecretVerifier;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.inventory.AccessKeyDirectory;
import io.watchkeeper.core.inventory.AccessKeyOwner;
import io.watchkeeper.core.model.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.Repository;

/**
 * The code scanner's engine: lists what a {@link ScanRequest} covers, reads each file within the
 * limits on several threads, skips binary, vendored and generated files, runs the analyzers
 * (secrets today), and turns matches into findings: keyed hash, mask, fingerprint, then the
 * inventory join and optional live verification. Secrets exist in clear only in memory during a
 * file's analysis.
 */
public final class CodeScanner {

    private final SecretDetector detector;
    private final SecretHasher hasher;
    private final ScanOptions options;
    private final AccessKeyDirectory inventory;
    private final Map<String, SecretVerifier> verifiers;
    private final IacAnalyzer iac;
    private final JavaTaintAnalyzer taint;

    /**
     * A scanner of secrets with {@code detector}, hashing with {@code hasher}, within {@code options};
     * the builder adds the inventory join, verifiers and the IaC and Java analyzers.
     */
    public static Builder builder(SecretDetector detector, SecretHasher hasher, ScanOptions options) {
        return new Builder(detector, hasher, options);
    }

    /**
     * What a scanner is made of besides the detector: the inventory to join AWS keys with (none by
     * default), the live verifiers ({@link ScanOptions#verify()} picks among them), and optionally the
     * IaC analyzer (Terraform, plans, CloudFormation judged by the checks of live configuration) and the
     * Java taint analyzer (used when the options name {@value ScanOptions#JAVA}).
     */
    public static final class Builder {
        private final SecretDetector detector;
        private final SecretHasher hasher;
        private final ScanOptions options;
        private AccessKeyDirectory inventory = AccessKeyDirectory.NONE;
        private List<SecretVerifier> verifiers = List.of();
        private IacAnalyzer iac;
        private JavaTaintAnalyzer taint;

        private Builder(SecretDetector detector, SecretHasher hasher, ScanOptions options) {
            this.detector = java.util.Objects.requireNonNull(detector, "detector");
            this.hasher = java.util.Objects.requireNonNull(hasher, "hasher");
            this.options = java.util.Objects.requireNonNull(options, "options");
        }

        /** The watched IAM users' keys (null: none). */
        public Builder inventory(AccessKeyDirectory inventory) {
            this.inventory = inventory == null ? AccessKeyDirectory.NONE : inventory;
            return this;
        }

        public Builder verifiers(List<SecretVerifier> verifiers) {
            this.verifiers = List.copyOf(verifiers);
            return this;
        }

        /** Infrastructure as code too (null: not). */
        public Builder iac(IacAnalyzer iac) {
            this.iac = iac;
            return this;
        }

        /** Java vulnerabilities too when the options name {@value ScanOptions#JAVA} (null: not). */
        public Builder taint(JavaTaintAnalyzer taint) {
            this.taint = taint;
            return this;
        }

        /** The scanner; an unknown verifier named by the options is an {@link InvalidInputException}. */
        public CodeScanner build() {
            return new CodeScanner(this);
        }
    }

    private CodeScanner(Builder b) {
        this.iac = b.iac;
        this.taint = b.taint != null && b.options.analyzers().contains(ScanOptions.JAVA) ? b.taint : null;
        this.detector = b.detector;
        this.hasher = b.hasher;
        this.options = b.options;
        this.inventory = b.inventory;
        Map<String, SecretVerifier> byName = new HashMap<>();
        b.verifiers.forEach(v -> byName.put(v.name(), v));
        for (String name : options.verify()) {
            if (!byName.containsKey(name)) {
                throw new InvalidInputException("no verifier '" + name + "' (known: " + new TreeSet<>(byName.keySet()) + ")");
            }
        }
        this.verifiers = byName;
    }

    /** Runs one scan. Bad input (no such folder, not a repository, unknown revision) is an {@link InvalidInputException}. */
    public ScanResult scan(ScanRequest request, ScanProgress progress) {
        long started = System.nanoTime();
        Path path = request.path().toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new InvalidInputException("not a directory: " + request.path());
        }
        Run run = new Run(progress);
        ScanResult.Target target;
        List<Hit> hits;
        List<Finding> iacFindings;
        List<Finding> code = List.of();
        switch (request) {
            case ScanRequest.WorkingTree t -> {
                Path root = realPath(path);
                WorkingTree.Listing listing = WorkingTree.list(root, options.limits());
                run.skipped(listing.skipped());
                hits = run.scan(listing.files(), () -> ContentReader.files(options.limits()));
                iacFindings = iacFindings(new ArrayList<>(run.iacFiles));
                code = run.javaFindings();
                target = new ScanResult.Target(root.toString(), null, null, null);
            }
            case ScanRequest.Commit c -> {
                try (Repository repo = GitRepos.open(path)) {
                    WorkingTree.Listing listing = GitSources.tree(repo, c.revision());
                    run.skipped(listing.skipped());
                    hits = run.scan(listing.files(), () -> ContentReader.blobs(repo, options.limits()));
                    iacFindings = iacFindings(new ArrayList<>(run.iacFiles));
                    code = run.javaFindings();
                    String commit = listing.files().isEmpty() ? c.revision() : listing.files().getFirst().commit();
                    target = new ScanResult.Target(path.toString(), commit, null, null);
                }
            }
            case ScanRequest.PullRequest p -> {
                try (Repository repo = GitRepos.open(path)) {
                    GitSources.PullRequest pr = GitSources.pullRequest(repo, p.spec(), options.limits());
                    run.skipped(pr.skipped());
                    run.collectIac = false;
                    Set<String> onBase = new HashSet<>();
                    for (Hit h : run.scan(pr.before(), () -> ContentReader.blobs(repo, options.limits()))) {
                        h.candidates().forEach(c -> onBase.add(hasher.hash(c.normalised())));
                    }
                    List<JavaTaintAnalyzer.Source> javaBase = run.takeJava();
                    hits = new ArrayList<>();
                    for (Hit h : run.scan(pr.added(), () -> ContentReader.blobs(repo, options.limits()))) {
                        List<Candidate> added = h.candidates().stream()
                                .filter(c -> h.ref().added().intersects(c.startLine(), c.endLine()))
                                .filter(c -> !onBase.contains(hasher.hash(c.normalised())))
                                .toList();
                        if (!added.isEmpty()) {
                            hits.add(new Hit(h.ref(), added));
                        }
                    }
                    iacFindings = iacPullRequest(repo, pr);
                    if (taint != null) {
                        Map<String, io.watchkeeper.codescanner.source.LineSet> added = new HashMap<>();
                        pr.added().forEach(r -> added.put(r.path(), r.added()));
                        // with the unchanged files the changed ones call or are called from (one hop), in base and head alike
                        List<JavaTaintAnalyzer.Source> javaHead = run.takeJava();
                        List<JavaTaintAnalyzer.Source> changed = new ArrayList<>(javaHead);
                        changed.addAll(javaBase);
                        List<JavaTaintAnalyzer.Source> reach = io.watchkeeper.codescanner.taint.PullRequestReach.related(repo, pr.head(),
                                changed, 2_000, (int) Math.min(1_000_000, options.limits().maxFileBytes()));
                        javaHead.addAll(reach);
                        List<JavaTaintAnalyzer.Source> baseWithReach = new ArrayList<>(javaBase);
                        baseWithReach.addAll(reach);
                        code = TaintFindings.pullRequest(taint.analyze(javaHead), taint.analyze(baseWithReach), added, pr.head());
                    }
                    target = new ScanResult.Target(path.toString(), pr.head(), pr.base(), pr.mergeBase());
                }
            }
            case ScanRequest.History h -> {
                run.collectJava = false; // a vulnerability is judged on a tree, not on every blob ever committed
                try (Repository repo = GitRepos.open(path)) {
                    WorkingTree.Listing listing = GitSources.history(repo, n -> {
                        run.commits.set(n);
                        progress.walked(n);
                    });
                    hits = run.scan(listing.files(), () -> ContentReader.blobs(repo, options.limits()));
                    iacFindings = iac == null ? List.of()
                            : iacFindings(IacSources.historyModules(repo, new ArrayList<>(run.iacFiles), options.limits()));
                    target = new ScanResult.Target(path.toString(), null, null, null);
                }
            }
        }
        List<Finding> findings = new ArrayList<>(findings(hits, request instanceof ScanRequest.History));
        // a credential both the secrets rules and the Java rule report is one finding: the secret's
        List<Finding> codeFindings = TaintFindings.withoutSecretDuplicates(code, List.copyOf(findings));
        findings.addAll(iacFindings);
        findings.addAll(codeFindings);
        findings.sort(Comparator.comparing(Finding::path).thenComparingInt(Finding::startLine).thenComparing(Finding::ruleId));
        return new ScanResult(request.mode(), target, findings, new ScanResult.Stats(run.files.get(), run.bytes.get(),
                run.commits.get(), run.skippedByReason(), Duration.ofNanos(System.nanoTime() - started)));
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            throw new InvalidInputException("cannot read " + p + ": " + e.getMessage());
        }
    }

    /** Candidates of one file. */
    private record Hit(FileRef ref, List<Candidate> candidates) {}

    /** One scan's shared counters and its pool of readers. */
    private final class Run {
        final ScanProgress progress;
        final AtomicLong files = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicInteger commits = new AtomicInteger();
        final Map<SkipPolicy.Reason, AtomicLong> skipped = new EnumMap<>(SkipPolicy.Reason.class);
        final ConcurrentLinkedQueue<IacFile> iacFiles = new ConcurrentLinkedQueue<>();
        volatile boolean collectIac = true;
        final ConcurrentLinkedQueue<JavaTaintAnalyzer.Source> javaSources = new ConcurrentLinkedQueue<>();
        volatile boolean collectJava = true;

        Run(ScanProgress progress) {
            this.progress = progress;
            for (SkipPolicy.Reason r : SkipPolicy.Reason.values()) {
                skipped.put(r, new AtomicLong());
            }
        }

        /** The Java sources read since the last call (history scans collect none). */
        List<JavaTaintAnalyzer.Source> takeJava() {
            List<JavaTaintAnalyzer.Source> out = new ArrayList<>(javaSources);
            javaSources.clear();
            out.sort(Comparator.comparing(JavaTaintAnalyzer.Source::path));
            return out;
        }

        List<Finding> javaFindings() {
            return taint == null ? List.of() : TaintFindings.all(taint.analyze(takeJava()));
        }

        void skipped(List<Skipped> list) {
            list.forEach(s -> skipped.get(s.reason()).incrementAndGet());
        }

        Map<SkipPolicy.Reason, Long> skippedByReason() {
            Map<SkipPolicy.Reason, Long> out = new EnumMap<>(SkipPolicy.Reason.class);
            skipped.forEach((r, n) -> {
                if (n.get() > 0) {
                    out.put(r, n.get());
                }
            });
            return out;
        }

        List<Hit> scan(List<FileRef> refs, Supplier<ContentReader> readers) {
            progress.planned(refs.size());
            ConcurrentLinkedQueue<Hit> out = new ConcurrentLinkedQueue<>();
            AtomicInteger next = new AtomicInteger();
            int threads = Math.min(options.threads(), Math.max(1, refs.size()));
            List<Thread> workers = new ArrayList<>();
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = Thread.ofPlatform().name("code-scan-" + t).daemon().unstarted(() -> {
                    try (ContentReader reader = readers.get()) {
                        for (int i = next.getAndIncrement(); i < refs.size(); i = next.getAndIncrement()) {
                            scanOne(refs.get(i), reader, out);
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                workers.add(worker);
                worker.start();
            }
            for (Thread w : workers) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (!failures.isEmpty()) {
                RuntimeException e = new IllegalStateException("scanning failed: " + failures.getFirst(), failures.getFirst());
                failures.stream().skip(1).forEach(e::addSuppressed);
                throw e;
            }
            return new ArrayList<>(out);
        }

        private void scanOne(FileRef ref, ContentReader reader, ConcurrentLinkedQueue<Hit> out) {
            SkipPolicy skip = detector.rules().skip();
            SkipPolicy.Reason reason = skip.byPath(ref.path(), options.includeVendored(), options.includeGenerated());
            boolean fileRule = detector.rules().fileRules().stream()
                    .anyMatch(f -> f.extensions().contains(SkipPolicy.extension(ref.path())));
            if (reason != null && !(reason == SkipPolicy.Reason.BINARY && fileRule)) {
                skipped.get(reason).incrementAndGet();
                return;
            }
            Content content = reader.read(ref);
            if (content.skipped() == null && !fileRule) {
                SkipPolicy.Reason byContent = skip.byContent(content.data(), content.length(), options.includeGenerated());
                if (byContent != null) {
                    content = Content.skipped(byContent);
                }
            }
            if (content.skipped() != null) {
                skipped.get(content.skipped()).incrementAndGet();
                return;
            }
            if (iac != null && collectIac) {
                IacFile f = IacSources.decode(ref, content);
                if (f != null) {
                    iacFiles.add(f);
                }
            }
            if (taint != null && collectJava && ref.path().endsWith(".java")) {
                javaSources.add(new JavaTaintAnalyzer.Source(ref.path(),
                        new String(content.data(), 0, content.length(), java.nio.charset.StandardCharsets.UTF_8)));
            }
            List<Candidate> found = options.analyzers().contains(ScanOptions.SECRETS)
                    ? detector.detect(ref.path(), content.data(), content.length()) : List.of();
            long f = files.incrementAndGet();
            long b = bytes.addAndGet(content.length());
            if ((f & 63) == 0) {
                progress.scanned((int) f, b);
            }
            if (!found.isEmpty()) {
                out.add(new Hit(ref, found));
            }
        }
    }

    private List<Finding> findings(List<Hit> hits, boolean history) {
        // AWS key ids to look up, in one call
        Set<String> keyIds = new TreeSet<>();
        for (Hit h : hits) {
            for (Candidate c : h.candidates()) {
                if ("aws-access-key".equals(c.rule().inventory())) {
                    keyIds.add(c.secret());
                }
            }
        }
        Map<String, AccessKeyOwner> owners = keyIds.isEmpty() ? Map.of() : inventory.owners(keyIds);
        Map<String, Verification> verified = new HashMap<>();
        Map<String, Finding> byFingerprint = new LinkedHashMap<>();
        Map<String, Integer> orderOf = new HashMap<>();
        for (Hit h : hits) {
            for (Candidate c : h.candidates()) {
                String secretHash = hasher.hash(c.normalised());
                String fingerprint = SecretHasher.fingerprint(c.rule().id(), secretHash, h.ref().path());
                Integer earlier = orderOf.get(fingerprint);
                if (earlier != null && earlier <= h.ref().order()) {
                    continue; // history: the same secret at the same path in a later blob
                }
                Severity severity = c.severity();
                String note = c.note();
                AccessKeyOwner owner = "aws-access-key".equals(c.rule().inventory()) ? owners.get(c.secret()) : null;
                if (owner != null && owner.active()) {
                    severity = Severity.CRITICAL;
                    note = join(note, "the key is active for a watched IAM user");
                }
                Verification verification = Verification.NOT_CHECKED;
                if (c.rule().verifier() != null && options.verify().contains(c.rule().verifier())) {
                    verification = verified.computeIfAbsent(c.rule().verifier() + ":" + secretHash,
                            k -> verifiers.get(c.rule().verifier()).verify(c.secret()));
                    if (verification == Verification.LIVE) {
                        severity = Severity.CRITICAL;
                    } else if (verification == Verification.REVOKED && severity.ordinal() > Severity.LOW.ordinal()) {
                        severity = Severity.LOW;
                    }
                }
                orderOf.put(fingerprint, h.ref().order());
                byFingerprint.put(fingerprint, new Finding(c.rule().id(), c.rule().family(), c.rule().title(), severity,
                        h.ref().path(), c.startLine(), c.endLine(), SecretHasher.mask(c.secret()), secretHash, fingerprint,
                        c.context().label(), note, h.ref().commit(), verification, owner));
            }
        }
        List<Finding> out = new ArrayList<>(byFingerprint.values());
        out.sort(Comparator.comparing(Finding::path).thenComparingInt(Finding::startLine).thenComparing(Finding::ruleId));
        return out;
    }

    private List<Finding> iacFindings(List<IacFile> files) {
        if (iac == null || files.isEmpty()) {
            return List.of();
        }
        return IacFindings.of(iac.analyze(files));
    }

    /** What the pull request adds: findings on the head's IaC that the merge base does not have. */
    private List<Finding> iacPullRequest(Repository repo, GitSources.PullRequest pr) {
        if (iac == null) {
            return List.of();
        }
        Set<String> folders = new TreeSet<>();
        Set<String> paths = new TreeSet<>();
        for (List<io.watchkeeper.codescanner.source.FileRef> refs : List.of(pr.added(), pr.before())) {
            for (io.watchkeeper.codescanner.source.FileRef r : refs) {
                if (IacAnalyzer.candidate(r.path())) {
                    paths.add(r.path());
                    int slash = r.path().lastIndexOf('/');
                    folders.add(slash < 0 ? "" : r.path().substring(0, slash));
                }
            }
        }
        if (paths.isEmpty()) {
            return List.of();
        }
        List<Finding> head = IacFindings.of(iac.analyze(IacSources.read(repo, pr.head(), folders, paths, options.limits())));
        Set<String> onBase = new HashSet<>();
        IacFindings.of(iac.analyze(IacSources.read(repo, pr.mergeBase(), folders, paths, options.limits())))
                .forEach(f -> onBase.add(f.fingerprint()));
        return head.stream().filter(f -> !onBase.contains(f.fingerprint())).toList();
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }
}
