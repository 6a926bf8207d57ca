package io.watchkeeper.web.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's AOT cache for {@code code ...} (JDK 25): with the launcher's own flags (read from the
 * {@code watchkeeper} script), a cache that is missing, empty or damaged never breaks start-up nor prints
 * anything, and a valid one is really used; a cache whose jars or JDK changed is refused by the launcher itself
 * (JDK 25.0.3 would map it and run the old classes, JDK-8377932); and the JDK check that keeps the flags away
 * from JDK 21-24 (which would refuse to start with an unknown option) reads the JDK's {@code release} file.
 */
@EnabledForJreRange(min = JRE.JAVA_25)
class LauncherAotCacheTest {

    private static final Path LAUNCHER = Path.of("..", "watchkeeper");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    private Path jar;

    @BeforeEach
    void probeJar() throws IOException {
        jar = dir.resolve("probe.jar");
        writeProbeJar(jar, "");
    }

    @Test
    void aValidCacheIsUsed() throws Exception {
        Path cache = record(dir.resolve("ok.aot"));
        // AOTMode=on fails at start when the cache cannot be used: this one can
        Run run = run(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + cache));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("probe ok\n");
        Run launcher = run(launcherFlags(cache));
        assertThat(launcher.exit()).isZero();
        assertThat(launcher.out()).isEqualTo("probe ok\n");
        assertThat(launcher.err()).isEmpty();
    }

    /**
     * JDK 25.0.3 maps a cache even after the jars it was trained on changed and runs the old classes
     * (JDK-8377932), so the launcher decides itself: its stamp of the JDK and the extracted jars must match, and
     * no jar may be newer than the cache.
     */
    @Test
    void theLauncherRefusesACacheWhoseJarsOrJdkChanged() throws Exception {
        Path app = Files.createDirectories(dir.resolve("app/lib"));
        Path jdk = Files.createDirectories(dir.resolve("jdk"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        Files.writeString(dir.resolve("app/watchkeeper.jar"), "main");
        Files.writeString(app.resolve("core.jar"), "core");
        Instant trained = Instant.now().minusSeconds(600);
        for (Path p : List.of(dir.resolve("app/watchkeeper.jar"), app.resolve("core.jar"), app)) {
            Files.setLastModifiedTime(p, FileTime.from(trained.minusSeconds(60)));
        }
        Files.writeString(dir.resolve("app/code.aot"), "cache");
        Files.setLastModifiedTime(dir.resolve("app/code.aot"), FileTime.from(trained));
        assertThat(launcher(jdk, "code_aot_stamp > \"$CODE_AOT.stamp\"; echo written")).isEqualTo("written");
        assertThat(launcher(jdk, "code_aot_usable && echo yes || echo no")).isEqualTo("yes");

        // a jar rebuilt after the training (new content, new time): refused
        Files.writeString(app.resolve("core.jar"), "core, rebuilt");
        assertThat(launcher(jdk, "code_aot_usable && echo yes || echo no")).isEqualTo("no");
        // the same jar put back with an older time than the cache but another size: still refused (the stamp)
        Files.setLastModifiedTime(app.resolve("core.jar"), FileTime.from(trained.minusSeconds(60)));
        Files.setLastModifiedTime(app, FileTime.from(trained.minusSeconds(60)));
        assertThat(launcher(jdk, "code_aot_usable && echo yes || echo no")).isEqualTo("no");
        // stamped again (as after a new training): usable
        assertThat(launcher(jdk, "code_aot_stamp > \"$CODE_AOT.stamp\"; code_aot_usable && echo yes || echo no")).isEqualTo("yes");
        // another JDK build, or a JDK before 25: refused
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.4\"\n");
        assertThat(launcher(jdk, "code_aot_usable && echo yes || echo no")).isEqualTo("no");
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"21.0.8\"\n");
        assertThat(launcher(jdk, "code_aot_stamp > \"$CODE_AOT.stamp\"; code_aot_usable && echo yes || echo no")).isEqualTo("no");
        // no stamp (a cache from before the stamp): refused
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        Files.delete(dir.resolve("app/code.aot.stamp"));
        assertThat(launcher(jdk, "code_aot_usable && echo yes || echo no")).isEqualTo("no");
    }

    /** Runs {@code script} after the launcher's functions, with its APP_DIR and CODE_AOT in {@code dir/app}. */
    private String launcher(Path jdk, String script) throws Exception {
        StringBuilder functions = new StringBuilder();
        for (String name : List.of("jdk_feature", "code_aot_stamp", "code_aot_usable")) {
            functions.append(Files.readString(LAUNCHER).lines().dropWhile(l -> !l.startsWith(name + "()"))
                    .takeWhile(l -> !l.equals("}")).reduce("", (a, b) -> a + b + "\n")).append("}\n");
        }
        Path app = dir.resolve("app");
        Run run = exec(List.of("bash", "-c", "set -euo pipefail\nJDK='" + jdk + "'\nAPP_DIR='" + app + "'\nCODE_AOT='" + app
                + "/code.aot'\n" + functions + script));
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out().strip();
    }

    @Test
    void aDamagedEmptyOrMissingCacheIsIgnoredSilently() throws Exception {
        Path garbage = dir.resolve("garbage.aot");
        byte[] noise = new byte[200_000];
        new Random(13).nextBytes(noise);
        Files.write(garbage, noise);
        assertStartsCleanly(garbage);
        Path truncated = dir.resolve("truncated.aot");
        byte[] valid = Files.readAllBytes(record(dir.resolve("whole.aot")));
        Files.write(truncated, Arrays.copyOf(valid, valid.length / 3));
        assertStartsCleanly(truncated);
        assertStartsCleanly(Files.createFile(dir.resolve("empty.aot")));
        assertStartsCleanly(dir.resolve("missing.aot"));
    }

    @Test
    void theLauncherUsesTheCacheOnlyOnJdk25AndLater() throws Exception {
        assertThat(jdkFeature("JAVA_VERSION=\"25.0.3\"\n")).isEqualTo("25");
        assertThat(jdkFeature("IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"26\"\n")).isEqualTo("26");
        assertThat(jdkFeature("JAVA_VERSION=\"21.0.8\"\n")).isEqualTo("21");
        assertThat(jdkFeature("JAVA_VERSION=\"1.8.0_402\"\n")).isEqualTo("1");
        assertThat(jdkFeature("JAVA_VERSION=\"ea\"\n")).isEqualTo("0");
        assertThat(jdkFeature(null)).isEqualTo("0");
        String script = Files.readString(LAUNCHER);
        // the cache is passed only behind code_aot_usable (which asks for JDK 25: theLauncherRefusesACacheWhoseJarsOrJdkChanged)
        assertThat(script).containsPattern("code_aot_usable; then\\n\\s*exec \"\\$JAVA\" \\$\\{CODE_AOT_FLAGS\\}")
                .containsOnlyOnce("${CODE_AOT_FLAGS}");
    }

    private void assertStartsCleanly(Path cache) throws Exception {
        Run run = run(launcherFlags(cache));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("probe ok\n");
        assertThat(run.err()).isEmpty();
    }

    /** The launcher's code options and AOT flags, as {@code run_app} passes them. */
    private static List<String> launcherFlags(Path cache) throws IOException {
        String script = Files.readString(LAUNCHER);
        List<String> flags = new ArrayList<>(List.of(variable(script, "CODE_AOT_FLAGS").split(" ")));
        flags.set(flags.size() - 1, flags.getLast() + cache);
        flags.addAll(List.of(variable(script, "CODE_OPTS").split(" ")));
        return flags;
    }

    private static String variable(String script, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=\"([^\"]*)\"").matcher(script);
        assertThat(m.find()).as(name + " in the launcher").isTrue();
        return m.group(1);
    }

    private Path record(Path cache) throws Exception {
        Run run = run(List.of("-XX:AOTCacheOutput=" + cache, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(cache).isNotEmptyFile();
        return cache;
    }

    private Run run(List<String> flags) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.addAll(flags);
        command.addAll(List.of("-cp", jar.toString(), Probe.class.getName()));
        return exec(command);
    }

    private String jdkFeature(String release) throws Exception {
        Path jdk = Files.createTempDirectory(dir, "jdk");
        if (release != null) {
            Files.writeString(jdk.resolve("release"), release);
        }
        String function = Files.readString(LAUNCHER).lines()
                .dropWhile(l -> !l.startsWith("jdk_feature()")).takeWhile(l -> !l.equals("}")).reduce("", (a, b) -> a + b + "\n") + "}\n";
        Run run = exec(List.of("bash", "-c", "JDK='" + jdk + "'\n" + function + "jdk_feature"));
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out().strip();
    }

    /** jgit's signature files are dropped from the extracted copy (so its classes may live in the cache); other jars are left alone. */
    @Test
    void theExtractedJgitLosesItsSignatureFilesOnly() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path jgit = lib.resolve("org.eclipse.jgit-7.8.1.jar");
        Path other = lib.resolve("bcprov-jdk18on-1.86.jar");
        for (Path j : List.of(jgit, other)) {
            writeProbeJar(j, "");
            try (var fs = java.nio.file.FileSystems.newFileSystem(j)) {
                Files.writeString(fs.getPath("META-INF/ECLIPSE_.SF"), "Signature-Version: 1.0\n");
                Files.write(fs.getPath("META-INF/ECLIPSE_.RSA"), new byte[] {1, 2, 3});
            }
        }
        String function = Files.readString(LAUNCHER).lines()
                .dropWhile(l -> !l.startsWith("unsign_jgit()")).takeWhile(l -> !l.equals("}")).reduce("", (a, b) -> a + b + "\n") + "}\n";
        Run run = exec(List.of("bash", "-c", "JDK='" + System.getProperty("java.home") + "'\n" + function + "unsign_jgit '" + lib + "'"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(entries(jgit)).contains(Probe.class.getName().replace('.', '/') + ".class", "META-INF/MANIFEST.MF")
                .noneMatch(e -> e.endsWith(".SF") || e.endsWith(".RSA"));
        assertThat(entries(other)).contains("META-INF/ECLIPSE_.SF", "META-INF/ECLIPSE_.RSA");
        assertThat(Files.list(lib).map(p -> p.getFileName().toString()).toList())
                .containsExactlyInAnyOrder(jgit.getFileName().toString(), other.getFileName().toString());
        Run probe = exec(List.of(JAVA, "-cp", jgit.toString(), Probe.class.getName()));
        assertThat(probe.out()).isEqualTo("probe ok\n");
    }

    private static List<String> entries(Path jar) throws IOException {
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            return zip.stream().map(java.util.zip.ZipEntry::getName).toList();
        }
    }

    private static Run exec(List<String> command) throws Exception {
        Path errFile = Files.createTempFile("launcher-aot", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(errFile.toFile());
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().remove("JDK_JAVA_OPTIONS");
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(errFile));
        } finally {
            Files.deleteIfExists(errFile);
        }
    }

    private static void writeProbeJar(Path target, String comment) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        String entry = Probe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(target);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = Probe.class.getClassLoader().getResourceAsStream(entry)) {
            out.setComment(comment);
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }

    private record Run(int exit, String out, String err) {
    }

    /** The program the JVMs above start. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println("probe ok");
        }
    }
}
