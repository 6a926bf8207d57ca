package io.watchkeeper.github;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The JSON Web Token a GitHub App authenticates with (RS256, signed with the App's private key):
 * issued a minute in the past against clock drift, valid for nine minutes (GitHub allows ten).
 */
final class AppJwt {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"
            .getBytes(StandardCharsets.UTF_8));

    private final long appId;
    private final PrivateKey key;
    private final Clock clock;

    AppJwt(long appId, PrivateKey key, Clock clock) {
        this.appId = appId;
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    long appId() {
        return appId;
    }

    String create() {
        Instant now = clock.instant();
        String payload = URL.encodeToString(("{\"iat\":" + (now.getEpochSecond() - 60) + ",\"exp\":"
                + (now.getEpochSecond() + 540) + ",\"iss\":" + appId + "}").getBytes(StandardCharsets.UTF_8));
        String signingInput = HEADER + "." + payload;
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the GitHub App token", e);
        }
    }
}
