package io.watchkeeper.iamtuner.aws;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * IAM returns policy documents URL-encoded (RFC 3986). The tuner keeps the decoded text exactly — it is
 * what a rollback puts back — so only {@code %XX} escapes are decoded; a {@code +} stays a {@code +}
 * (form decoding would turn it into a space and change the document).
 */
public final class PolicyText {

    private PolicyText() {}

    public static String decode(String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.stripLeading().startsWith("{") || raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0
                    && hex(raw.charAt(i + 2)) >= 0) {
                out.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                    b = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.writeBytes(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
