package io.watchkeeper.web.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A plain parser for the common {@code code scan} command lines, so a CI scan starts without picocli
 * (about 170 classes that no class-data archive or AOT cache can hold, read from the last jars of the class
 * path, plus its annotation reflection). It accepts only what it can parse exactly as picocli would: a
 * path, the value options as {@code --name value} or {@code --name=value}, the flags, each at most once,
 * and numbers as plain decimals. Anything else (help, version, {@code --verify}, {@code @files}, {@code --},
 * a repeated or unknown option, a value that starts with '-', a value picocli would reject) returns null and
 * picocli parses the line as before, with its own messages and exit codes. {@code CodeScanArgsTest} checks
 * that every line accepted here populates the command exactly as picocli does.
 */
public final class CodeScanArgs {

    private static final Set<String> VALUE_OPTIONS = Set.of("--diff", "--commit", "--format", "--out", "--fail-on", "--rules",
            "--taint-model", "--key-file", "--max-file-size", "--max-line-length", "--threads", "--inventory");
    private static final Set<String> FLAGS = Set.of("--history", "--include-vendored", "--include-generated", "--no-iac");

    private CodeScanArgs() {}

    /** The command for {@code args} (what follows {@code code scan}), or null when picocli should parse them. */
    public static CodeScanCommand parse(Cli cli, String[] args) {
        CodeScanCommand c = new CodeScanCommand(cli);
        c.format = CodeScanCommand.Format.TEXT;
        c.failOn = "medium";
        c.maxFileSize = "10m";
        c.maxLineLength = 4096;
        c.inventory = CodeScanCommand.Inventory.AUTO;
        Set<String> seen = new HashSet<>();
        boolean pathSeen = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.isEmpty() || arg.startsWith("@")) {
                return null; // an argument file, or an empty argument: picocli's rules
            }
            if (!arg.startsWith("-")) {
                if (pathSeen) {
                    return null;
                }
                pathSeen = true;
                c.path = arg;
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!seen.add(name)) {
                return null; // repeated: picocli reports it
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    return null;
                }
                switch (name) {
                    case "--history" -> c.history = true;
                    case "--include-vendored" -> c.includeVendored = true;
                    case "--include-generated" -> c.includeGenerated = true;
                    default -> c.noIac = true;
                }
                continue;
            }
            if (!VALUE_OPTIONS.contains(name)) {
                return null; // help, version, --verify, --, unknown options
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    return null;
                }
                value = args[++i];
            }
            if (value.isEmpty() || value.startsWith("-") || value.startsWith("@") || !set(c, name, value)) {
                return null;
            }
        }
        return c;
    }

    private static boolean set(CodeScanCommand c, String name, String value) {
        switch (name) {
            case "--diff" -> c.diff = value;
            case "--commit" -> c.commit = value;
            case "--fail-on" -> c.failOn = value;
            case "--rules" -> c.rules = value;
            case "--max-file-size" -> c.maxFileSize = value;
            case "--format" -> {
                c.format = constant(CodeScanCommand.Format.class, value);
                return c.format != null;
            }
            case "--inventory" -> {
                c.inventory = constant(CodeScanCommand.Inventory.class, value);
                return c.inventory != null;
            }
            case "--max-line-length" -> {
                Integer n = number(value);
                if (n == null) {
                    return false;
                }
                c.maxLineLength = n;
            }
            case "--threads" -> {
                c.threads = number(value);
                return c.threads != null;
            }
            case "--out" -> {
                c.out = path(value);
                return c.out != null;
            }
            case "--taint-model" -> {
                c.taintModel = path(value);
                return c.taintModel != null;
            }
            case "--key-file" -> {
                c.keyFile = path(value);
                return c.keyFile != null;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The constant whose name is {@code value} in any ASCII case, or null. */
    private static <E extends Enum<E>> E constant(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value.toUpperCase(Locale.ROOT)) && value.chars().allMatch(ch -> ch < 128)) {
                return e;
            }
        }
        return null;
    }

    /** A plain decimal without a sign or a leading zero (so every number converter reads it alike), or null. */
    private static Integer number(String value) {
        if (value.length() > 9 || !value.chars().allMatch(ch -> ch >= '0' && ch <= '9') || (value.length() > 1 && value.charAt(0) == '0')) {
            return null;
        }
        return Integer.valueOf(value);
    }

    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
