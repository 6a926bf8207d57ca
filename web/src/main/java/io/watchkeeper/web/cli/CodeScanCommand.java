package io.watchkeeper.web.cli;

import io.watchkeeper.codescanner.CodeScanner;
import io.watchkeeper.codescanner.ScanOptions;
import io.watchkeeper.codescanner.ScanProgress;
import io.watchkeeper.codescanner.ScanRequest;
import io.watchkeeper.codescanner.ScanResult;
import io.watchkeeper.core.secrets.SecretHasher;
import io.watchkeeper.codescanner.output.ScanReports;
import io.watchkeeper.codescanner.output.ScannerVersion;
import io.watchkeeper.core.secrets.SecretDetector;
import io.watchkeeper.core.secrets.SecretRules;
import io.watchkeeper.codescanner.source.ScanLimits;
import io.watchkeeper.codescanner.taint.JavaTaintAnalyzer;
import io.watchkeeper.codescanner.taint.TaintModel;
import io.watchkeeper.codescanner.verify.HttpVerifiers;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.codescanner.iac.IacAnalyzer;
import io.watchkeeper.core.inventory.AccessKeyDirectory;
import io.watchkeeper.core.inventory.LiveConfigDirectory;
import io.watchkeeper.core.model.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code watchkeeper code scan [PATH] [--diff BASE...HEAD | --history | --commit REV]}: scans for
 * secrets and infrastructure-as-code misconfigurations (Terraform, plans, CloudFormation, judged by
 * the checks of live configuration) and prints text, JSON or SARIF; exit 1 when a finding is at or
 * above {@code --fail-on}, 2 on bad input. Needs no database: AWS keys are joined to the watched IAM
 * users, and IaC resources to the watched ones, only when a Watchkeeper database is configured or
 * exists ({@code --inventory auto}), and Spring starts only then, for the lookup.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan a folder (default: the current one), a commit's tree, a pull request's diff or the whole history "
                + "for secrets, infrastructure-as-code misconfigurations and (tree, commit, diff) Java vulnerabilities.")
public final class CodeScanCommand implements Callable<Integer> {

    enum Format { TEXT, JSON, SARIF }

    enum Inventory { AUTO, ON, OFF }

    private final Cli cli;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "folder or repository (default: .)")
    String path = ".";

    @Option(names = "--diff", paramLabel = "BASE...HEAD", description = "only what HEAD adds since it left BASE (a pull request)")
    String diff;

    @Option(names = "--history", description = "every blob ever committed to any branch or tag, once")
    boolean history;

    @Option(names = "--commit", paramLabel = "REV", description = "the tree of one commit instead of the files on disk")
    String commit;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or sarif (default: text)", defaultValue = "text")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the report to FILE instead of standard output")
    Path out;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "medium",
            description = "exit 1 when a finding is at or above: info, low, medium, high, critical, or none (default: medium)")
    String failOn;

    @Option(names = "--rules", paramLabel = "RULES",
            description = "what to look for: secrets, iac, java (Java vulnerabilities by taint analysis), comma-separated (default: all); "
                    + "or a secret-rules file (YAML) instead of the built-in secret rules")
    String rules;

    @Option(names = "--taint-model", paramLabel = "FILE",
            description = "an extra Java taint model (YAML: sources, sinks, sanitisers of your own framework), added to the built-in ones")
    Path taintModel;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "the secret-hash key (made if missing; default: $WATCHKEEPER_CODE_KEY_FILE or WATCHKEEPER_HOME/code-scan.key). "
                    + "Share one key between runs whose fingerprints must match (CI).")
    Path keyFile;

    @Option(names = "--include-vendored", description = "scan vendored folders (node_modules, vendor, …) too")
    boolean includeVendored;

    @Option(names = "--include-generated", description = "scan generated and minified files too")
    boolean includeGenerated;

    @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "10m", description = "skip larger files (default 10m; k, m suffixes)")
    String maxFileSize;

    @Option(names = "--max-line-length", paramLabel = "N", defaultValue = "4096",
            description = "characters scanned around a keyword within one line (default 4096)")
    int maxLineLength;

    @Option(names = "--threads", paramLabel = "N", description = "files scanned at once (default: the processors)")
    Integer threads;

    @Option(names = "--verify", paramLabel = "PROVIDER", split = ",",
            description = "verify found secrets live with these providers (github, slack); off by default")
    List<String> verify = List.of();

    @Option(names = "--inventory", paramLabel = "MODE", defaultValue = "auto",
            description = "join AWS keys to watched IAM users and IaC resources to watched resources: auto (when a Watchkeeper "
                    + "database exists), on, off")
    Inventory inventory;

    @Option(names = "--no-iac", description = "skip Terraform, plan and CloudFormation files (as --rules without iac)")
    boolean noIac;

    CodeScanCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Severity threshold = "none".equalsIgnoreCase(failOn) ? null : Severity.parse(failOn);
        long modes = Arrays.asList(diff != null, history, commit != null).stream().filter(b -> b).count();
        if (modes > 1) {
            throw new InvalidInputException("choose one of --diff, --history and --commit");
        }
        Path root = Path.of(path);
        ScanRequest request = diff != null ? new ScanRequest.PullRequest(root, diff)
                : history ? new ScanRequest.History(root)
                : commit != null ? new ScanRequest.Commit(root, commit)
                : new ScanRequest.WorkingTree(root);
        ScanOptions options = new ScanOptions(new ScanLimits(bytes(maxFileSize), lineLength(), ScanLimits.DEFAULT.maxDepth()),
                includeVendored, includeGenerated, threads(), new LinkedHashSet<>(verify.stream()
                        .map(v -> v.trim().toLowerCase(Locale.ROOT)).toList()), analyzers());
        CodeScanner scanner = CodeScanner.builder(new SecretDetector(rules(), options.limits().maxLineLength()), hasher(), options)
                .inventory(directory())
                .verifiers(options.verify().isEmpty() ? List.of() : HttpVerifiers.defaults())
                .iac(noIac || !options.analyzers().contains(ScanOptions.IAC) ? null
                        : new IacAnalyzer(CheckRegistry.discover(), liveConfigs()))
                .taint(taint(options))
                .build();
        CodeScanProgress progress = cli.terminal() ? new CodeScanProgress(cli.err()) : null;
        ScanResult result = scanner.scan(request, progress == null ? ScanProgress.NONE : progress);
        if (progress != null) {
            progress.finish();
        }
        String report = switch (format) {
            case JSON -> ScanReports.json(result, ScannerVersion.get());
            case SARIF -> ScanReports.sarif(result, ScannerVersion.get(), consoleUrl());
            case TEXT -> CodeScanText.render(result);
        };
        if (out != null) {
            try {
                Files.writeString(out, report, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InvalidInputException("cannot write " + out + ": " + e.getMessage());
            }
            cli.err().println(CodeScanText.summary(result));
        } else {
            cli.out().print(report.endsWith("\n") ? report : report + "\n");
        }
        return threshold != null && result.anyAtLeast(threshold) ? 1 : 0;
    }

    private int threads() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 256) {
            throw new InvalidInputException("--threads must be between 1 and 256");
        }
        return n;
    }

    private int lineLength() {
        if (maxLineLength < 256 || maxLineLength > 1_048_576) {
            throw new InvalidInputException("--max-line-length must be between 256 and 1048576");
        }
        return maxLineLength;
    }

    static long bytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = t.endsWith("k") ? 1024 : t.endsWith("m") ? 1024 * 1024 : 1;
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        if (!digits.matches("\\d{1,10}")) {
            throw new InvalidInputException("--max-file-size takes bytes with an optional k or m, not '" + Text.safe(text) + "'");
        }
        long n = Long.parseLong(digits) * unit;
        if (n < 1 || n > 1024L * 1024 * 1024) {
            throw new InvalidInputException("--max-file-size must be between 1 byte and 1g");
        }
        return n;
    }

    /** The analyzers {@code --rules} names, or every one when it names a secret-rules file or nothing. */
    private java.util.Set<String> analyzers() {
        java.util.Set<String> names = analyzerNames();
        return names == null ? ScanOptions.ALL_ANALYZERS : names;
    }

    private java.util.Set<String> analyzerNames() {
        if (rules == null) {
            return null;
        }
        java.util.Set<String> names = new LinkedHashSet<>();
        for (String part : rules.split(",")) {
            names.add(part.trim().toLowerCase(Locale.ROOT));
        }
        return ScanOptions.ALL_ANALYZERS.containsAll(names) ? names : null;
    }

    private JavaTaintAnalyzer taint(ScanOptions options) {
        if (!options.analyzers().contains(ScanOptions.JAVA)) {
            return null;
        }
        TaintModel model = TaintModel.builtIn();
        if (taintModel != null) {
            try (InputStream in = Files.newInputStream(taintModel)) {
                model = model.with(taintModel.getFileName().toString(), in);
            } catch (IOException e) {
                throw new InvalidInputException("cannot read the taint model " + taintModel + ": " + e.getMessage());
            }
        }
        return new JavaTaintAnalyzer(model, JavaTaintAnalyzer.Limits.DEFAULT);
    }

    private SecretRules rules() {
        if (rules == null || analyzerNames() != null) {
            return SecretRules.builtIn();
        }
        Path file = Path.of(rules);
        try (InputStream in = Files.newInputStream(file)) {
            return SecretRules.load(in);
        } catch (IOException e) {
            throw new InvalidInputException("--rules takes secrets, java or a rules file; cannot read " + Text.safe(rules) + ": "
                    + e.getMessage());
        }
    }

    private SecretHasher hasher() {
        Path file = keyFile;
        if (file == null && System.getenv("WATCHKEEPER_CODE_KEY_FILE") != null && !System.getenv("WATCHKEEPER_CODE_KEY_FILE").isBlank()) {
            file = Path.of(System.getenv("WATCHKEEPER_CODE_KEY_FILE"));
        }
        if (file == null) {
            file = home().resolve(SecretHasher.KEY_FILE);
        }
        try {
            return SecretHasher.fromFile(file, true);
        } catch (UncheckedIOException e) {
            throw new InvalidInputException("cannot read or create the key file " + file + ": " + e.getCause().getMessage());
        }
    }

    /** WATCHKEEPER_HOME as the server reads it (application.properties: the variable, else ~/.watchkeeper). */
    static Path home() {
        String env = System.getenv("WATCHKEEPER_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".watchkeeper");
    }

    private boolean useInventory() {
        return switch (inventory) {
            case OFF -> false;
            case ON -> true;
            case AUTO -> (System.getenv("WATCHKEEPER_DB_URL") != null && !System.getenv("WATCHKEEPER_DB_URL").isBlank())
                    || Files.isDirectory(home().resolve("pgdata"));
        };
    }

    private AccessKeyDirectory directory() {
        // Spring (and the database) start only if an AWS key id was found
        return useInventory() ? ids -> cli.bean(AccessKeyDirectory.class).owners(ids) : AccessKeyDirectory.NONE;
    }

    private LiveConfigDirectory liveConfigs() {
        // Spring (and the database) start only if an IaC resource with a static name was found
        return useInventory() ? (type, names) -> cli.bean(LiveConfigDirectory.class).find(type, names) : LiveConfigDirectory.NONE;
    }

    private static URI consoleUrl() {
        String url = System.getenv("WATCHKEEPER_NOTIFICATIONS_CONSOLE_URL");
        try {
            URI uri = url == null || url.isBlank() ? URI.create("http://127.0.0.1:8080") : URI.create(url.trim());
            return uri.isAbsolute() ? uri : URI.create("http://127.0.0.1:8080");
        } catch (IllegalArgumentException e) {
            return URI.create("http://127.0.0.1:8080");
        }
    }
}
