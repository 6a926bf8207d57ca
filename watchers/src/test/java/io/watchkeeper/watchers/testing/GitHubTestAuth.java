package io.watchkeeper.watchers.testing;

import io.watchkeeper.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Credentials of the test server: the App's RSA key pair (its private key handed out as the PKCS#1 PEM
 * GitHub generates), App JWTs checked like GitHub does (RS256 signature, issuer, expiry), installation
 * tokens issued with an expiry, and personal access tokens.
 */
final class GitHubTestAuth {

    /** What an {@code Authorization} header turned out to be. */
    enum Kind { NONE, INVALID, EXPIRED, JWT, INSTALLATION, TOKEN }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final long appId;
    private final KeyPair app;
    private final Map<String, Instant> installationTokens = new ConcurrentHashMap<>();
    private final Set<String> personalTokens = ConcurrentHashMap.newKeySet();
    volatile Duration tokenLifetime = Duration.ofHours(1);

    GitHubTestAuth(long appId) {
        this.appId = appId;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.app = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The App's private key as GitHub hands it out: PKCS#1 PEM ({@code BEGIN RSA PRIVATE KEY}). */
    byte[] appKeyPem() {
        byte[] pkcs1 = pkcs1(app.getPrivate().getEncoded());
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs1);
        return ("-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    String newPersonalToken() {
        String token = "ghp_" + random(36);
        personalTokens.add(token);
        return token;
    }

    record Issued(String token, Instant expiresAt) {}

    Issued issueInstallationToken() {
        String token = "ghs_" + random(36);
        Instant expiresAt = Instant.now().plus(tokenLifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        installationTokens.put(token, expiresAt);
        return new Issued(token, expiresAt);
    }

    Kind classify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Kind.NONE;
        }
        String value = authorization.replaceFirst("^(?i)(bearer|token)\\s+", "").strip();
        if (personalTokens.contains(value)) {
            return Kind.TOKEN;
        }
        Instant expiry = installationTokens.get(value);
        if (expiry != null) {
            return Instant.now().isBefore(expiry) ? Kind.INSTALLATION : Kind.EXPIRED;
        }
        return value.chars().filter(c -> c == '.').count() == 2 && validJwt(value) ? Kind.JWT : Kind.INVALID;
    }

    private boolean validJwt(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(app.getPublic());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return false;
            }
            JsonNode header = Json.parse(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
            JsonNode claims = Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            long now = Instant.now().getEpochSecond();
            return "RS256".equals(header.path("alg").asString()) && claims.path("iss").asLong() == appId
                    && claims.path("exp").asLong() > now && claims.path("iat").asLong() <= now + 60
                    && claims.path("exp").asLong() - claims.path("iat").asLong() <= 600;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The RSAPrivateKey (PKCS#1) inside a PKCS#8 PrivateKeyInfo. */
    private static byte[] pkcs1(byte[] pkcs8) {
        int[] at = {0};
        header(pkcs8, at, 0x30);          // PrivateKeyInfo
        skip(pkcs8, at, 0x02);            // version
        skip(pkcs8, at, 0x30);            // algorithm
        int length = header(pkcs8, at, 0x04);
        return Arrays.copyOfRange(pkcs8, at[0], at[0] + length);
    }

    private static int header(byte[] der, int[] at, int tag) {
        if ((der[at[0]++] & 0xff) != tag) {
            throw new IllegalStateException("unexpected DER tag");
        }
        int first = der[at[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            length = (length << 8) | (der[at[0]++] & 0xff);
        }
        return length;
    }

    private static void skip(byte[] der, int[] at, int tag) {
        int length = header(der, at, tag);
        at[0] += length;
    }

    private static String random(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
