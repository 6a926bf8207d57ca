package io.watchkeeper.gcp;

import com.google.auth.Credentials;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.core.watch.LeasedCache;
import io.watchkeeper.core.watch.SessionFactory;
import io.watchkeeper.core.watch.WatchMetrics;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;

/**
 * Opens GCP sessions, one per project. Credentials come from the project's account: Application
 * Default Credentials by default, a service-account key file, or none (only with an endpoint);
 * optionally used to impersonate a service account. One JDK HTTP client (connection pool) and one background
 * scheduler are shared by every session. A project's transport (its own cap on calls in flight), credential and API
 * clients are kept between sessions in a bounded cache ({@link LeasedCache}, keyed by project and credential
 * source), so a repeat watch builds no clients; the identity proof is still made at every open.
 */
public final class GcpSessionFactory implements SessionFactory, AutoCloseable {

    private final GcpSettings settings;
    private final WatchMetrics metrics;
    private final HttpClient http;
    private final LeasedCache<GcpProjectClients> cache;
    private final java.util.concurrent.ScheduledExecutorService background;

    /** Projects whose clients are kept between sessions (beyond those in use) by default. */
    public static final int DEFAULT_CACHED_PROJECTS = 256;

    public GcpSessionFactory(GcpSettings settings, WatchMetrics metrics) {
        this(settings, metrics, DEFAULT_CACHED_PROJECTS);
    }

    /** @param cachedProjects projects whose clients are kept between sessions beyond those in use (0: none) */
    public GcpSessionFactory(GcpSettings settings, WatchMetrics metrics, int cachedProjects) {
        this.cache = new LeasedCache<>(cachedProjects, LeasedCache.Bound.UNUSED, GcpProjectClients::close);
        this.background = Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon().name("gcp-background-", 0).factory());
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    @Override
    public Provider provider() {
        return Provider.GCP;
    }

    public GcpSettings settings() {
        return settings;
    }

    /**
     * A session in the project, which first proves which project it reached: Resource Manager's
     * {@code projects.get} must answer with the registered project id, otherwise every scope of the
     * project fails and nothing is written. Third-party projects are reference data, never opened.
     */
    @Override
    public GcpSession open(Account account) {
        if (account.provider() != Provider.GCP) {
            throw new WatchkeeperException(ErrorCategory.INVALID_INPUT, "account " + account.name() + " is not a GCP project");
        }
        if (account.thirdParty()) {
            throw new WatchkeeperException(ErrorCategory.INVALID_INPUT, "project " + account.name() + " ("
                    + account.externalId() + ") is a third-party project: reference data for the auditors, never opened");
        }
        String key = account.id() + "|" + account.externalId() + "|" + account.access();
        GcpProjectClients clients = cache.lease(key, () -> {
            GcpTransport transport = new GcpTransport(http, settings, metrics);
            return new GcpProjectClients(transport, GcpCredentials.of(account, settings, () -> transport), background);
        });
        GcpSession session = new GcpSession(account, clients, () -> cache.release(key, clients));
        try {
            session.proved(proveIdentity(session));
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * A session with the credential of {@code placeholder} that proves nothing (for organisation-wide
     * calls such as project discovery, whose "account" is not a project).
     */
    public GcpSession openUnproved(Account placeholder) {
        GcpTransport transport = new GcpTransport(http, settings, metrics);
        return new GcpSession(placeholder, new GcpProjectClients(transport,
                GcpCredentials.of(placeholder, settings, () -> transport), background), null);
    }

    private static GcpProject proveIdentity(GcpSession session) {
        Account account = session.account();
        GcpProject reached;
        try {
            reached = GcpProject.of(session.projects().getProject("projects/" + account.externalId()));
        } catch (RuntimeException e) {
            throw GcpErrors.translate("checking the identity of project " + account.name()
                    + " (resourcemanager.projects.get)", e);
        }
        if (!account.externalId().equals(reached.projectId())) {
            String via = account.access().roleArn() == null ? "its credentials"
                    : "service account " + account.access().roleArn();
            throw new WatchkeeperException(ErrorCategory.DENIED, "identity mismatch: registered project "
                    + account.externalId() + ", Resource Manager answered " + reached.projectId() + " (account "
                    + account.name() + ", through " + via + "); nothing is read or written until it is corrected");
        }
        return reached;
    }

    /** GCP types are watched per project (aggregated lists and location wildcards cover every region). */
    @Override
    public List<String> regions(CloudSession session) {
        return session.account().regions();
    }

    /** Projects whose clients are open now (leased or kept). */
    public int openProjects() {
        return cache.open();
    }

    @Override
    public void close() {
        cache.close();
        background.shutdownNow();
        http.close();
    }
}
