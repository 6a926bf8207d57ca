package io.watchkeeper.web;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * GCP settings ({@code watchkeeper.gcp.*}, or {@code WATCHKEEPER_GCP_*} environment variables).
 *
 * @param endpoint base URL every GCP API is sent to instead of Google ({@code WATCHKEEPER_GCP_ENDPOINT}); requests
 *     keep their API paths, so one server (an emulator, a proxy, the test server) answers all of them. Unset: Google.
 * @param endpoints per-service overrides, by the first label of the API host
 *     ({@code watchkeeper.gcp.endpoints.compute=http://…}, {@code .storage}, {@code .cloudresourcemanager}, {@code .iam},
 *     {@code .oauth2}, {@code .iamcredentials}, …)
 * @param maxCallsInFlightPerProject concurrent API calls per project
 * @param maxAttempts attempts per call on 429 / RESOURCE_EXHAUSTED, 5xx and connection failures
 * @param initialBackoff first delay between attempts (doubled each time, full jitter)
 * @param maxBackoff longest delay between attempts
 * @param callTimeout limit for one HTTP attempt
 * @param trustedDomains member domains that are not "unknown" besides the organisation's own
 *     ({@code watchkeeper.gcp.trusted-domains=partner.example,contractor.example}; subdomains included;
 *     consumer domains such as gmail.com stay unknown whatever is declared)
 * @param trustedProjects projects whose service accounts are not "unknown" besides the registered ones
 *     ({@code watchkeeper.gcp.trusted-projects=partner-project,123456789012}; ids or numbers, exact matches only)
 */
@ConfigurationProperties("watchkeeper.gcp")
public record GcpProperties(
        URI endpoint,
        @DefaultValue Map<String, URI> endpoints,
        @DefaultValue("10") int maxCallsInFlightPerProject,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("2m") Duration callTimeout,
        @DefaultValue java.util.List<String> trustedDomains,
        @DefaultValue java.util.List<String> trustedProjects) {}
