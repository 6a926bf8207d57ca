package io.watchkeeper.watchers.aws.ec2;

import io.watchkeeper.core.secrets.ConfigSecrets;
import io.watchkeeper.core.secrets.FoundSecret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * An instance's user data as text for the secret scan: base64 decoded, gunzipped when cloud-init's
 * gzip form is used, bounded to {@link ConfigSecrets#MAX_TEXT}. Only the masked secrets leave this
 * class; the text is never stored or logged.
 */
final class UserData {

    private UserData() {}

    /** The secrets in {@code base64} user data; empty for none, bad base64 or an unreadable archive. */
    static List<FoundSecret> secrets(String base64) {
        if (base64 == null || base64.isBlank()) {
            return List.of();
        }
        byte[] raw;
        try {
            raw = Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        if (raw.length > 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                raw = in.readNBytes(ConfigSecrets.MAX_TEXT);
            } catch (IOException e) {
                return List.of();
            }
        }
        return ConfigSecrets.scanUserData(new String(raw, StandardCharsets.UTF_8));
    }
}
