package io.watchkeeper.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the standard endpoint settings the SDK itself honours ({@code aws.endpointUrl[Service]}
 * system properties, {@code AWS_ENDPOINT_URL[_SERVICE]} environment variables), to adapt the few
 * things an emulator or proxy needs (S3 path-style addressing, the S3 Control host).
 */
final class AwsEndpoints {

    private AwsEndpoints() {}

    static Optional<URI> configured(String serviceId) {
        String camel = serviceId.substring(0, 1).toUpperCase(Locale.ROOT) + serviceId.substring(1);
        String env = serviceId.toUpperCase(Locale.ROOT).replace(' ', '_');
        for (String value : new String[] {
                System.getProperty("aws.endpointUrl" + camel),
                System.getProperty("aws.endpointUrl"),
                System.getenv("AWS_ENDPOINT_URL_" + env),
                System.getenv("AWS_ENDPOINT_URL")}) {
            if (value != null && !value.isBlank()) {
                return Optional.of(URI.create(value.trim()));
            }
        }
        return Optional.empty();
    }
}
