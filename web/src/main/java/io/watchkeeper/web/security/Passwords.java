package io.watchkeeper.web.security;

import io.watchkeeper.core.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** Rules for local passwords: 12 characters at least, at most bcrypt's 72 bytes (UTF-8); random temporaries. */
public final class Passwords {

    public static final int MIN_CHARACTERS = 12;
    /** bcrypt reads no more than 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {}

    /** Why {@code password} cannot be used, or null. */
    public static String problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            return "passwords need at least " + MIN_CHARACTERS + " characters";
        }
        if (tooLong(password)) {
            return "passwords are limited to " + MAX_BYTES + " bytes (UTF-8; bcrypt ignores the rest)";
        }
        return null;
    }

    /** Refuses (bad input) a password that breaks the rules. */
    public static void check(String password) {
        String problem = problem(password);
        if (problem != null) {
            throw new InvalidInputException(problem);
        }
    }

    /** Whether bcrypt would cut {@code password}. */
    public static boolean tooLong(String password) {
        return password.length() > MAX_BYTES || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    /** A random password of {@code length} letters and digits (no look-alikes). */
    public static String generate(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
