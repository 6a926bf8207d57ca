package io.watchkeeper.benchmarks;

import io.watchkeeper.core.secrets.StructureChecks;
import io.watchkeeper.codescanner.source.GitRepos;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Inputs for the code-scanning benchmark, made from a source archive (the JDK's {@code lib/src.zip}:
 * real code, 15,000 files, about 200 MiB):
 *
 * <pre>
 * tree    --source SRC.zip --out DIR                      every file of the archive, as a folder
 * history --source SRC.zip --out DIR [--files 800] [--commits 3000] [--seed 1]
 *         a git repository: the first N files of java.base, then one commit after another each
 *         editing three of them (every 100th adds a checksum-valid fake token), packed at the end
 * </pre>
 *
 * Deterministic for a given archive and seed. Builds with jgit only.
 */
public final class CodeScanCorpus {

    private CodeScanCorpus() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 5 || !args[1].equals("--source") || !args[3].equals("--out")) {
            System.err.println("usage: CodeScanCorpus tree|history --source SRC.zip --out DIR [--files N] [--commits N] [--seed N]");
            System.exit(2);
        }
        Path source = Path.of(args[2]);
        Path out = Path.of(args[4]);
        int files = intOption(args, "--files", 800);
        int commits = intOption(args, "--commits", 3000);
        long seed = intOption(args, "--seed", 1);
        long started = System.nanoTime();
        switch (args[0]) {
            case "tree" -> tree(source, out);
            case "history" -> history(source, out, files, commits, seed);
            default -> {
                System.err.println("unknown corpus " + args[0]);
                System.exit(2);
            }
        }
        System.err.printf("made %s in %.1f s%n", out, (System.nanoTime() - started) / 1e9);
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 5; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    static void tree(Path zip, Path out) throws IOException {
        long bytes = 0;
        int n = 0;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                Path target = out.resolve(e.getName()).normalize();
                if (e.isDirectory() || !target.startsWith(out)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    bytes += Files.copy(in, target);
                    n++;
                }
            }
        }
        System.err.printf("tree: %d files, %.1f MiB%n", n, bytes / 1048576.0);
    }

    static void history(Path zip, Path out, int fileCount, int commits, long seed) throws Exception {
        GitRepos.isolate();
        Random random = new Random(seed);
        List<String> names = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile()); Git git = Git.init().setDirectory(out.toFile()).setInitialBranch("main").call()) {
            for (ZipEntry e : Collections.list(z.entries())) {
                if (!e.isDirectory() && e.getName().startsWith("java.base/") && e.getName().endsWith(".java")) {
                    names.add(e.getName());
                }
            }
            Collections.sort(names);
            long time = 1_600_000_000L;
            for (String name : names.subList(0, Math.min(fileCount, names.size()))) {
                Path target = out.resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(z.getEntry(name))) {
                    Files.copy(in, target);
                }
                paths.add(name);
                git.add().addFilepattern(name).call();
                if (paths.size() % 100 == 0) {
                    commit(git, "import " + paths.size(), time += 60);
                }
            }
            commit(git, "import", time += 60);
            for (int c = 0; c < commits; c++) {
                for (int k = 0; k < 3; k++) {
                    String name = paths.get(random.nextInt(paths.size()));
                    Path file = out.resolve(name);
                    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
                    int at = random.nextInt(lines.size() + 1);
                    lines.add(at, "    // change " + c + "." + k + ": " + Long.toHexString(random.nextLong()));
                    if (c % 100 == 0 && k == 0) {
                        String r = randomAlnum(random, 30);
                        lines.add(at, "    // token ghp_" + r + StructureChecks.crc32Base62(r));
                    }
                    if (!lines.isEmpty() && random.nextBoolean()) {
                        lines.remove(random.nextInt(lines.size()));
                    }
                    Files.write(file, lines, StandardCharsets.UTF_8);
                    git.add().addFilepattern(name).call();
                }
                commit(git, "change " + c, time += 60);
                if (c % 500 == 0) {
                    System.err.printf("history: %d commits%n", c);
                }
            }
            git.gc().setAggressive(false).call();
        }
    }

    private static String randomAlnum(Random random, int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static void commit(Git git, String message, long time) throws Exception {
        PersonIdent who = new PersonIdent("Bench", "bench@example.org", Instant.ofEpochSecond(time), ZoneOffset.UTC);
        git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }
}
