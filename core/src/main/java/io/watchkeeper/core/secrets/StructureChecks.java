package io.watchkeeper.core.secrets;

import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import tools.jackson.databind.JsonNode;

/**
 * The structural checks a rule may name ({@code check:} in the rules file): what a format's own
 * structure says beyond its pattern (checksums, encodings, containers). Each is a pure function.
 */
public final class StructureChecks {

    /** A check's verdict: valid or not, and a severity that replaces the rule's when set. */
    public record Verdict(boolean valid, Severity severity, String note) {
        static final Verdict VALID = new Verdict(true, null, null);
        static final Verdict INVALID = new Verdict(false, null, null);
    }

    /** One check over the secret and the whole match. */
    @FunctionalInterface
    public interface Check {
        Verdict check(String secret, String match);
    }

    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final Map<String, Check> CHECKS = Map.of(
            "github-checksum", (s, m) -> verdict(base62Checksum(s, s.indexOf('_') + 1)),
            "npm-checksum", (s, m) -> verdict(base62Checksum(s, 4)),
            "pem-private-key", StructureChecks::pemPrivateKey,
            "gcp-service-account", StructureChecks::gcpServiceAccount,
            "jwt", StructureChecks::jwt,
            "azure-account-key", (s, m) -> verdict(decodedLength(s, false) == 64),
            "base64-secret", (s, m) -> verdict(decodedLength(s, false) >= 16));

    private static final Set<String> SECRET_CLAIMS = Set.of("password", "passwd", "secret", "client_secret",
            "api_key", "apikey", "private_key", "access_key", "secret_key", "aws_secret_access_key");

    private StructureChecks() {}

    /** The check named {@code name}, or an error naming the known ones. */
    public static Check named(String name) {
        Check check = CHECKS.get(name);
        if (check == null) {
            throw new IllegalArgumentException("unknown check '" + name + "' (known: " + new java.util.TreeSet<>(CHECKS.keySet()) + ")");
        }
        return check;
    }

    private static Verdict verdict(boolean valid) {
        return valid ? Verdict.VALID : Verdict.INVALID;
    }

    /**
     * GitHub's and npm's token format: after the prefix, 30 random base62 characters and the CRC32
     * of those 30 in base62, left-padded with zeros to 6 characters.
     */
    static boolean base62Checksum(String token, int randomStart) {
        if (randomStart <= 0 || token.length() != randomStart + 36) {
            return false;
        }
        String random = token.substring(randomStart, randomStart + 30);
        return token.substring(randomStart + 30).equals(crc32Base62(random));
    }

    /** The 6-character base62 CRC32 of {@code s} (GitHub/npm token checksum). */
    public static String crc32Base62(String s) {
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.US_ASCII));
        long v = crc.getValue();
        StringBuilder out = new StringBuilder();
        while (v > 0) {
            out.append(BASE62.charAt((int) (v % 62)));
            v /= 62;
        }
        while (out.length() < 6) {
            out.append('0');
        }
        return out.reverse().toString();
    }

    /** A PEM or OpenSSH private key: the body is base64 of a plausible key; encrypted keys rank lower. */
    private static Verdict pemPrivateKey(String body, String match) {
        boolean encrypted = match.startsWith("-----BEGIN ENCRYPTED") || match.contains("Proc-Type: 4,ENCRYPTED")
                || match.contains("Proc-Type:4,ENCRYPTED");
        String b64 = pemBase64(body);
        byte[] der = decode(b64, false);
        if (der == null || der.length < 64) {
            return Verdict.INVALID;
        }
        if (match.startsWith("-----BEGIN OPENSSH")) {
            String magic = "openssh-key-v1\0";
            if (!new String(der, 0, Math.min(der.length, magic.length()), StandardCharsets.ISO_8859_1).equals(magic)) {
                return Verdict.INVALID;
            }
            int at = magic.length();
            if (der.length >= at + 4) {
                int len = ((der[at] & 0xff) << 24) | ((der[at + 1] & 0xff) << 16) | ((der[at + 2] & 0xff) << 8) | (der[at + 3] & 0xff);
                if (len > 0 && len < 64 && der.length >= at + 4 + len) {
                    encrypted = !new String(der, at + 4, len, StandardCharsets.US_ASCII).equals("none");
                }
            }
        } else if (!match.startsWith("-----BEGIN PGP") && (der[0] & 0xff) != 0x30) { // DER SEQUENCE
            return Verdict.INVALID;
        }
        return encrypted ? new Verdict(true, Severity.MEDIUM, "encrypted private key") : Verdict.VALID;
    }

    /** The base64 of a PEM body: header lines (Proc-Type, DEK-Info), escaped newlines and quoting removed. */
    public static String pemBase64(String body) {
        StringBuilder b = new StringBuilder(body.length());
        for (String line : body.replace("\\n", "\n").replace("\\r", "\n").split("\n")) {
            if (line.contains(":")) {
                continue; // Proc-Type:, DEK-Info:
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=') {
                    b.append(c);
                }
            }
        }
        return b.toString();
    }

    private static Verdict gcpServiceAccount(String keyId, String match) {
        int begin = match.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = match.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            return Verdict.INVALID;
        }
        byte[] der = decode(pemBase64(match.substring(begin + 27, end)), false);
        return verdict(der != null && der.length >= 64 && (der[0] & 0xff) == 0x30);
    }

    /** A signed JWT (not {@code alg: none}); one whose claims name secrets ranks higher. */
    private static Verdict jwt(String token, String match) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Verdict.INVALID;
        }
        JsonNode header = json(parts[0]);
        JsonNode payload = json(parts[1]);
        if (header == null || payload == null || !header.isObject() || !payload.isObject()) {
            return Verdict.INVALID;
        }
        String alg = header.path("alg").asString("");
        if (alg.isEmpty() || alg.equalsIgnoreCase("none") || decode(parts[2], true) == null) {
            return Verdict.INVALID;
        }
        for (String name : payload.propertyNames()) {
            if (SECRET_CLAIMS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                return new Verdict(true, Severity.HIGH, "token carries a secret claim");
            }
        }
        return Verdict.VALID;
    }

    private static JsonNode json(String b64url) {
        byte[] raw = decode(b64url, true);
        if (raw == null || raw.length == 0 || raw[0] != '{') {
            return null;
        }
        try {
            return Json.parse(new String(raw, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int decodedLength(String s, boolean url) {
        byte[] raw = decode(s, url);
        return raw == null ? -1 : raw.length;
    }

    static byte[] decode(String s, boolean url) {
        try {
            String t = s.replace("=", "");
            return (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(
                    url ? t : t + "=".repeat((4 - t.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
