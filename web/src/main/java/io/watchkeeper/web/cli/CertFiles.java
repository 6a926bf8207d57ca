package io.watchkeeper.web.cli;

import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.model.InvalidInputException;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bounded reading of PEM and password files, durations, and export targets for the certificate commands. */
final class CertFiles {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([dhm])");

    private CertFiles() {}

    /** The text of {@code file}, refused past the PEM size bound without reading the rest. */
    static String readPem(Path file, String what) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(Pem.MAX_CHARS + 1);
            if (bytes.length > Pem.MAX_CHARS) {
                throw new InvalidInputException(what + " " + file + " is larger than " + Pem.MAX_CHARS / 1024 + " KiB");
            }
            return new String(bytes, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + what + " " + file + " (" + why(e) + ")");
        }
    }

    /** A password from the first line of {@code file}, or typed at the terminal (twice), never from the command line. */
    static char[] password(Path file, boolean confirm) {
        if (file != null) {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(1025);
                if (bytes.length > 1024) {
                    throw new InvalidInputException("password file " + file + " is larger than 1 KiB");
                }
                String text = new String(bytes, StandardCharsets.UTF_8);
                Arrays.fill(bytes, (byte) 0);
                int end = text.indexOf('\n');
                return (end < 0 ? text : text.substring(0, end)).replace("\r", "").toCharArray();
            } catch (IOException e) {
                throw new InvalidInputException("cannot read password file " + file + " (" + why(e) + ")");
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new InvalidInputException("a password is needed: give --password-file (no terminal to prompt on)");
        }
        char[] first = console.readPassword("export password: ");
        if (confirm) {
            char[] second = console.readPassword("again: ");
            if (!Arrays.equals(first, second)) {
                throw new InvalidInputException("the passwords differ");
            }
        }
        return first;
    }

    private static String why(IOException e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException ignored -> "no such file";
            case java.nio.file.AccessDeniedException ignored -> "permission denied";
            default -> e.getMessage() == null ? "unreadable" : Text.safe(e.getMessage());
        };
    }

    /** {@code 90d}, {@code 12h} or {@code 30m}. */
    static Duration duration(String text, String what) {
        if (text == null) {
            return null;
        }
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidInputException("invalid " + what + " '" + Text.safe(text) + "': a number with d, h or m (90d, 12h)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        };
    }

    /** Throws unless {@code out} can be created: a new file in an existing folder. */
    static void checkNewFile(Path out) {
        if (Files.exists(out)) {
            throw new InvalidInputException(out + " already exists; choose another file (nothing was overwritten)");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new InvalidInputException("folder " + parent + " does not exist");
        }
    }
}
