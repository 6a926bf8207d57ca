package io.watchkeeper.watchers.gcp.resourcemanager;

import io.watchkeeper.core.config.gcp.GcpProjectConfig.SshKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code ssh-keys} metadata format ({@code user:type base64 comment}, one per line)
 * into user, type and SHA-256 fingerprint; the key itself is dropped. At most 1,000 keys.
 */
final class SshKeys {

    private static final Pattern EXPIRES = Pattern.compile("\"expireOn\"\\s*:\\s*\"([^\"]{1,40})\"");

    private SshKeys() {}

    static List<SshKey> parse(String value) {
        List<SshKey> keys = new ArrayList<>();
        if (value == null) {
            return keys;
        }
        for (String line : value.split("\n")) {
            String l = line.strip();
            int colon = l.indexOf(':');
            if (l.isEmpty() || colon <= 0 || keys.size() >= 1000) {
                continue;
            }
            String user = l.substring(0, Math.min(colon, 100));
            String[] parts = l.substring(colon + 1).strip().split("\\s+", 3);
            String type = parts.length > 0 ? parts[0] : "";
            String fingerprint = parts.length > 1 ? fingerprint(parts[1]) : null;
            Matcher expires = parts.length > 2 ? EXPIRES.matcher(parts[2]) : null;
            keys.add(new SshKey(user, type.length() > 40 ? type.substring(0, 40) : type, fingerprint,
                    expires != null && expires.find() ? expires.group(1) : null));
        }
        keys.sort(Comparator.comparing(SshKey::user).thenComparing(k -> String.valueOf(k.fingerprint())));
        return List.copyOf(keys);
    }

    /** {@code SHA256:<base64 without padding>} as ssh-keygen -l prints it, or null for a malformed key. */
    static String fingerprint(String base64) {
        try {
            byte[] blob = Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (IllegalArgumentException | NoSuchAlgorithmException e) {
            return null;
        }
    }
}
