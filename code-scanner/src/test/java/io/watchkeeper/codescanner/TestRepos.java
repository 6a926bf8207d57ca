package io.watchkeeper.codescanner;

import io.watchkeeper.core.secrets.SecretHasher;
import io.watchkeeper.core.secrets.SecretDetector;
import io.watchkeeper.core.secrets.SecretRules;
import io.watchkeeper.codescanner.source.GitRepos;
import io.watchkeeper.core.inventory.AccessKeyDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** Builds git repositories for tests with jgit (no git executable). */
public final class TestRepos {

    public static final byte[] KEY = new byte[32];
    static {
        Arrays.fill(KEY, (byte) 7);
    }

    private static final SecretDetector DETECTOR = new SecretDetector(SecretRules.builtIn(), ScanDefaults.LINE);

    private TestRepos() {}

    /** Test constants. */
    public static final class ScanDefaults {
        public static final int LINE = 4096;
        private ScanDefaults() {}
    }

    public static Git init(Path dir) {
        GitRepos.isolate();
        try {
            return Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes (or, for a null value, deletes) files and commits everything. */
    public static RevCommit commit(Git git, Map<String, ?> files, String message, long time) {
        Path root = git.getRepository().getWorkTree().toPath();
        try {
            for (var e : files.entrySet()) {
                Path p = root.resolve(e.getKey());
                if (e.getValue() == null) {
                    Files.deleteIfExists(p);
                    continue;
                }
                Files.createDirectories(p.getParent());
                if (e.getValue() instanceof byte[] bytes) {
                    Files.write(p, bytes);
                } else {
                    Files.writeString(p, e.getValue().toString(), StandardCharsets.UTF_8);
                }
            }
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent who = new PersonIdent("Dev", "dev@example.org", java.time.Instant.ofEpochSecond(time), java.time.ZoneOffset.UTC);
            return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void checkout(Git git, String branch, boolean create) {
        try {
            git.checkout().setName(branch).setCreateBranch(create).call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static CodeScanner scanner() {
        return scanner(AccessKeyDirectory.NONE, ScanOptions.defaults().withThreads(2));
    }

    public static CodeScanner scanner(AccessKeyDirectory inventory, ScanOptions options) {
        return CodeScanner.builder(DETECTOR, new SecretHasher(KEY), options).inventory(inventory).build();
    }

    /** A scanner of secrets and infrastructure as code, the IaC joined to {@code live}. */
    public static CodeScanner iacScanner(io.watchkeeper.core.inventory.LiveConfigDirectory live) {
        return CodeScanner.builder(DETECTOR, new SecretHasher(KEY), ScanOptions.defaults().withThreads(2))
                .iac(new io.watchkeeper.codescanner.iac.IacAnalyzer(CHECKS, live)).build();
    }

    private static final io.watchkeeper.auditors.CheckRegistry CHECKS = io.watchkeeper.auditors.CheckRegistry.discover();

    public static SecretHasher hasher() {
        return new SecretHasher(KEY);
    }
}
