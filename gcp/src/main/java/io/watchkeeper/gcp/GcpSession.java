package io.watchkeeper.gcp;

import com.google.api.client.googleapis.services.AbstractGoogleClient;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.rpc.ClientSettings;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.api.gax.rpc.UnaryCallSettings;
import com.google.api.services.bigquery.Bigquery;
import com.google.api.services.dns.Dns;
import com.google.api.services.iam.v1.Iam;
import com.google.api.services.logging.v2.Logging;
import com.google.api.services.monitoring.v3.Monitoring;
import com.google.api.services.sqladmin.SQLAdmin;
import com.google.auth.Credentials;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.watch.CloudSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * Access to one GCP project: clients built on first use and shared by the run's scopes, all over
 * HTTP/JSON through the session's {@link GcpTransport} (endpoint, per-project cap, backoff, call
 * counting). Cloud Client Libraries where they have a REST transport, {@code google-api-services-*}
 * REST clients where they do not (IAM Admin, Cloud SQL Admin, Logging, Monitoring) or are far
 * lighter (BigQuery, DNS). The clients' own retries are off: the transport is the one retry layer.
 */
public final class GcpSession implements CloudSession {

    private static final JsonFactory JSON = GsonFactory.getDefaultInstance();

    private final Account account;
    private final GcpProjectClients shared;
    private final GcpTransport transport;
    private final Credentials credentials;
    private volatile GcpProject project;
    private final Map<String, Object> clients;
    private final TransportChannelProvider channel;
    private final Runnable release;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    /** A session with clients of its own, closed with it. */
    GcpSession(Account account, GcpTransport transport, Credentials credentials) {
        this(account, new GcpProjectClients(transport, credentials, null), null);
    }

    /**
     * A session over {@code shared} clients (kept between sessions by the factory's cache); {@code release} hands them
     * back when the session closes. Null: the clients are the session's own and close with it.
     */
    GcpSession(Account account, GcpProjectClients shared, Runnable release) {
        this.account = account;
        this.shared = shared;
        this.transport = shared.transport();
        this.credentials = shared.credentials();
        this.clients = shared.clients();
        this.channel = shared.channel();
        this.release = release;
    }

    @Override
    public Account account() {
        return account;
    }

    /** The project id the session works in (proved at open). */
    public String projectId() {
        return account.externalId();
    }

    /** The project as Resource Manager answered it when the session was opened. */
    public GcpProject project() {
        return project;
    }

    void proved(GcpProject proved) {
        this.project = proved;
    }

    // ---- Cloud Client Libraries over HTTP/JSON ----

    public com.google.cloud.resourcemanager.v3.ProjectsClient projects() {
        return gapic("resourcemanager.projects", () -> com.google.cloud.resourcemanager.v3.ProjectsClient.create(
                configure(com.google.cloud.resourcemanager.v3.ProjectsSettings.newHttpJsonBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    public com.google.cloud.resourcemanager.v3.FoldersClient folders() {
        return gapic("resourcemanager.folders", () -> com.google.cloud.resourcemanager.v3.FoldersClient.create(
                configure(com.google.cloud.resourcemanager.v3.FoldersSettings.newHttpJsonBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    public com.google.cloud.resourcemanager.v3.OrganizationsClient organizations() {
        return gapic("resourcemanager.organizations", () -> com.google.cloud.resourcemanager.v3.OrganizationsClient.create(
                configure(com.google.cloud.resourcemanager.v3.OrganizationsSettings.newHttpJsonBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    public com.google.cloud.compute.v1.ProjectsClient computeProjects() {
        return gapic("compute.projects", () -> com.google.cloud.compute.v1.ProjectsClient.create(
                configure(com.google.cloud.compute.v1.ProjectsSettings.newBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    public com.google.cloud.compute.v1.FirewallsClient firewalls() {
        return gapic("compute.firewalls", () -> com.google.cloud.compute.v1.FirewallsClient.create(
                configure(com.google.cloud.compute.v1.FirewallsSettings.newBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    public com.google.cloud.compute.v1.NetworksClient networks() {
        return gapic("compute.networks", () -> com.google.cloud.compute.v1.NetworksClient.create(
                configure(com.google.cloud.compute.v1.NetworksSettings.newBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    public com.google.cloud.compute.v1.SubnetworksClient subnetworks() {
        return gapic("compute.subnetworks", () -> com.google.cloud.compute.v1.SubnetworksClient.create(
                configure(com.google.cloud.compute.v1.SubnetworksSettings.newBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    public com.google.cloud.compute.v1.InstancesClient instances() {
        return gapic("compute.instances", () -> com.google.cloud.compute.v1.InstancesClient.create(
                configure(com.google.cloud.compute.v1.InstancesSettings.newBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    public com.google.cloud.compute.v1.AddressesClient addresses() {
        return gapic("compute.addresses", () -> com.google.cloud.compute.v1.AddressesClient.create(
                configure(com.google.cloud.compute.v1.AddressesSettings.newBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    public com.google.cloud.compute.v1.DisksClient disks() {
        return gapic("compute.disks", () -> com.google.cloud.compute.v1.DisksClient.create(
                configure(com.google.cloud.compute.v1.DisksSettings.newBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    public com.google.cloud.compute.v1.BackendServicesClient backendServices() {
        return gapic("compute.backendServices", () -> com.google.cloud.compute.v1.BackendServicesClient.create(
                configure(com.google.cloud.compute.v1.BackendServicesSettings.newBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    public com.google.cloud.compute.v1.RegionsClient regions() {
        return gapic("compute.regions", () -> com.google.cloud.compute.v1.RegionsClient.create(
                configure(com.google.cloud.compute.v1.RegionsSettings.newBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    public com.google.cloud.essentialcontacts.v1.EssentialContactsServiceClient essentialContacts() {
        return gapic("essentialcontacts", () -> com.google.cloud.essentialcontacts.v1.EssentialContactsServiceClient.create(
                configure(com.google.cloud.essentialcontacts.v1.EssentialContactsServiceSettings.newHttpJsonBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    public com.google.cloud.accessapproval.v1.AccessApprovalAdminClient accessApproval() {
        return gapic("accessapproval", () -> com.google.cloud.accessapproval.v1.AccessApprovalAdminClient.create(
                configure(com.google.cloud.accessapproval.v1.AccessApprovalAdminSettings.newHttpJsonBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    public com.google.cloud.dataproc.v1.ClusterControllerClient dataprocClusters() {
        return gapic("dataproc.clusters", () -> com.google.cloud.dataproc.v1.ClusterControllerClient.create(
                configure(com.google.cloud.dataproc.v1.ClusterControllerSettings.newHttpJsonBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    public com.google.cloud.kms.v1.KeyManagementServiceClient kms() {
        return gapic("kms", () -> com.google.cloud.kms.v1.KeyManagementServiceClient.create(
                configure(com.google.cloud.kms.v1.KeyManagementServiceSettings.newHttpJsonBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    public com.google.api.apikeys.v2.ApiKeysClient apiKeys() {
        return gapic("apikeys", () -> com.google.api.apikeys.v2.ApiKeysClient.create(
                configure(com.google.api.apikeys.v2.ApiKeysSettings.newHttpJsonBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    public com.google.cloud.run.v2.ServicesClient runServices() {
        return gapic("run.services", () -> com.google.cloud.run.v2.ServicesClient.create(
                configure(com.google.cloud.run.v2.ServicesSettings.newHttpJsonBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    public com.google.cloud.functions.v2.FunctionServiceClient functions() {
        return gapic("functions", () -> com.google.cloud.functions.v2.FunctionServiceClient.create(
                configure(com.google.cloud.functions.v2.FunctionServiceSettings.newHttpJsonBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    public com.google.api.serviceusage.v1.ServiceUsageClient serviceUsage() {
        return gapic("serviceusage", () -> com.google.api.serviceusage.v1.ServiceUsageClient.create(
                configure(com.google.api.serviceusage.v1.ServiceUsageSettings.newHttpJsonBuilder())
                        .applyToAllUnaryMethods(GcpSession::noRetry).build()));
    }

    /** Cloud Storage over its JSON API. */
    public Storage storage() {
        return (Storage) clients.computeIfAbsent("storage", key -> StorageOptions.http()
                .setProjectId(projectId())
                .setCredentials(credentials == null ? NoCredentials.getInstance() : credentials)
                .setTransportOptions(HttpTransportOptions.newBuilder().setHttpTransportFactory(() -> transport).build())
                .setRetrySettings(ServiceOptions.getNoRetrySettings())
                .build().getService());
    }

    // ---- REST (google-api-services-*) clients ----

    public Iam iam() {
        return rest("iam", () -> new Iam.Builder(transport, JSON, initializer()).setApplicationName("watchkeeper").build());
    }

    public SQLAdmin sqlAdmin() {
        return rest("sqladmin", () -> new SQLAdmin.Builder(transport, JSON, initializer()).setApplicationName("watchkeeper").build());
    }

    public Logging logging() {
        return rest("logging", () -> new Logging.Builder(transport, JSON, initializer()).setApplicationName("watchkeeper").build());
    }

    public Monitoring monitoring() {
        return rest("monitoring", () -> new Monitoring.Builder(transport, JSON, initializer()).setApplicationName("watchkeeper").build());
    }

    public Dns dns() {
        return rest("dns", () -> new Dns.Builder(transport, JSON, initializer()).setApplicationName("watchkeeper").build());
    }

    public Bigquery bigquery() {
        return rest("bigquery", () -> new Bigquery.Builder(transport, JSON, initializer()).setApplicationName("watchkeeper").build());
    }

    /** Runs one REST call, turning its checked I/O failure into an unchecked one (categorised by {@link GcpErrors}). */
    public static <T> T call(IoCall<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A REST call that may fail with an I/O error. */
    @FunctionalInterface
    public interface IoCall<T> {
        T run() throws IOException;
    }

    private HttpRequestInitializer initializer() {
        HttpCredentialsAdapter adapter = credentials == null ? null : new HttpCredentialsAdapter(credentials);
        return request -> {
            if (adapter != null) {
                adapter.initialize(request);
            }
            request.setNumberOfRetries(0);
        };
    }

    private <B extends ClientSettings.Builder<?, B>> B configure(B builder) {
        CredentialsProvider provider = credentials == null ? NoCredentialsProvider.create()
                : FixedCredentialsProvider.create(credentials);
        builder.setCredentialsProvider(provider).setTransportChannelProvider(channel);
        if (shared.background() != null) {
            // one scheduler for every client's background work, not a thread pool per client
            builder.setBackgroundExecutorProvider(com.google.api.gax.core.FixedExecutorProvider.create(shared.background()));
        }
        return builder;
    }

    /**
     * gax's deadline of a call starts before the transport takes one of the project's call permits, so
     * under a full cap (many scopes of one project at once, a slow API) waiting for the permit counted
     * against it and calls failed with DEADLINE_EXCEEDED instead of waiting their turn. Timing is the
     * transport's (each attempt bounded by {@code callTimeout}, attempts bounded, the scope bounded by
     * the watch): gax's own deadline is set out of the way.
     */
    static final java.time.Duration GAX_DEADLINE = java.time.Duration.ofHours(1);

    private static Void noRetry(UnaryCallSettings.Builder<?, ?> method) {
        method.setRetryableCodes(Set.of());
        method.setRetrySettings(method.getRetrySettings().toBuilder().setMaxAttempts(1)
                .setInitialRpcTimeoutDuration(GAX_DEADLINE).setMaxRpcTimeoutDuration(GAX_DEADLINE)
                .setRpcTimeoutMultiplier(1.0).setTotalTimeoutDuration(GAX_DEADLINE).build());
        return null;
    }

    @FunctionalInterface
    private interface Create<T> {
        T create() throws IOException;
    }

    @SuppressWarnings("unchecked")
    private <T> T gapic(String key, Create<T> create) {
        return (T) clients.computeIfAbsent(key, k -> {
            try {
                return create.create();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private <T extends AbstractGoogleClient> T rest(String key, java.util.function.Supplier<T> create) {
        return (T) clients.computeIfAbsent(key, k -> create.get());
    }

    /** Gives the clients back (or closes the session's own) once: a second close does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (release != null) {
            release.run();
        } else {
            shared.close();
        }
    }
}
