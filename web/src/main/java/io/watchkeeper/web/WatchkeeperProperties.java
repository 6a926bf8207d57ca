package io.watchkeeper.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything Watchkeeper reads from Spring configuration ({@code watchkeeper.*}: properties,
 * {@code WATCHKEEPER_*} environment variables or {@code --watchkeeper.x=y} arguments).
 *
 * @param home data folder (embedded database, generated secrets); {@code WATCHKEEPER_HOME}
 * @param db external database ({@code WATCHKEEPER_DB_URL}, {@code _USER}, {@code _PASSWORD}); empty means embedded
 * @param aws AWS access settings
 * @param watch pipeline settings
 * @param scheduler background watching (on in {@code serve} mode)
 * @param audit auditing settings
 * @param remediation remediation settings
 * @param notifications notification settings (watchkeeper.notifications.*)
 */
@ConfigurationProperties("watchkeeper")
public record WatchkeeperProperties(
        Path home,
        @DefaultValue Db db,
        @DefaultValue Aws aws,
        @DefaultValue Watch watch,
        @DefaultValue Scheduler scheduler,
        @DefaultValue Audit audit,
        @DefaultValue Remediation remediation,
        @DefaultValue Notify notifications) {

    /** External database; when {@code url} is empty the embedded PostgreSQL under {@code home} is used. */
    public record Db(String url, String user, String password, @DefaultValue("0") int embeddedPort) {}

    /**
     * AWS settings.
     *
     * @param regions regions to watch when an account names none (empty: discover enabled regions)
     * @param homeRegion region for STS, global services and discovery
     * @param maxCallsInFlightPerAccount concurrent API calls per account
     * @param maxConnections HTTP connections shared by all clients
     * @param callTimeout limit per API call including retries
     * @param maxAttempts attempts per call (adaptive retry)
     */
    public record Aws(
            @DefaultValue List<String> regions,
            @DefaultValue("us-east-1") String homeRegion,
            @DefaultValue("10") int maxCallsInFlightPerAccount,
            @DefaultValue("512") int maxConnections,
            @DefaultValue("2m") Duration callTimeout,
            @DefaultValue("8") int maxAttempts) {}

    /**
     * Pipeline settings.
     *
     * @param defaultInterval interval for (account, type) pairs without a configured one
     * @param maxConcurrentScopes scopes one process watches at once
     * @param leaseTtl how long a scope claim lasts
     * @param busyWait how long a manual watch waits for a scope another run holds
     */
    public record Watch(
            @DefaultValue("60m") Duration defaultInterval,
            @DefaultValue("256") int maxConcurrentScopes,
            @DefaultValue("30m") Duration leaseTtl,
            @DefaultValue("2m") Duration busyWait) {}

    /**
     * Background scheduler (db-scheduler on the same PostgreSQL).
     *
     * @param enabled whether this process runs scheduled watches (true in {@code serve} mode)
     * @param threads executions at once on this node
     * @param pollingInterval how often the node looks for due work
     * @param reconcileInterval how often the schedule is brought in line with accounts and intervals
     */
    public record Scheduler(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("4") int threads,
            @DefaultValue("10s") Duration pollingInterval,
            @DefaultValue("60s") Duration reconcileInterval) {}

    /**
     * Auditing.
     *
     * @param trustedNetworks named CIDRs that count as friendly networks ({@code watchkeeper.audit.trusted-networks.office=203.0.113.0/24})
     */
    public record Audit(@DefaultValue Map<String, String> trustedNetworks) {}

    /**
     * Remediation.
     *
     * @param killSwitch when true nothing is applied or rolled back, whatever the database says
     * @param interval how often the server plans and applies approved remediations
     */
    public record Remediation(@DefaultValue("false") boolean killSwitch, @DefaultValue("1m") Duration interval) {}

    /**
     * Notifications (e-mail over SMTP and Slack-compatible webhooks; none when not configured).
     *
     * @param threshold new findings with at least this score are announced
     * @param consoleUrl base URL used in links
     * @param email SMTP settings (off while host is empty)
     * @param slackWebhookUrl incoming-webhook URL (off while empty)
     */
    public record Notify(@DefaultValue("70") int threshold, @DefaultValue("http://127.0.0.1:8080") String consoleUrl,
                         @DefaultValue Email email, String slackWebhookUrl) {}

    /** SMTP settings for notifications. */
    public record Email(String host, @DefaultValue("587") int port, @DefaultValue("true") boolean startTls,
                        String username, String password, String from, @DefaultValue List<String> to) {}
}
