package io.watchkeeper.watchers.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS emulator moto, started once per test JVM on a loopback port. Tests seed it with real
 * SDK clients from {@link #client} and point the product at it through the standard
 * {@code aws.endpointUrl} setting ({@link #pointProductAt}).
 */
public final class Moto {

    public static final String ACCOUNT_ID = "123456789012";
    private static Moto instance;
    private static Moto withManagedPolicies;

    private final Process process;
    private final int port;
    private final SdkHttpClient http = ApacheHttpClient.builder().build();

    private Moto(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static synchronized Moto get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /**
     * A second emulator whose IAM holds AWS's managed policies after every reset (moto 5.2 reads this
     * only from its environment at start; the shared instance stays without them, as other tests expect).
     */
    public static synchronized Moto withAwsManagedPolicies() {
        if (withManagedPolicies == null) {
            withManagedPolicies = start(java.util.Map.of("MOTO_IAM_LOAD_MANAGED_POLICIES", "true"));
        }
        return withManagedPolicies;
    }

    private static Moto start() {
        return start(java.util.Map.of());
    }

    private static Moto start(java.util.Map<String, String> env) {
        String binary = find();
        int port = freePort();
        try {
            Path log = Files.createTempFile("moto-", ".log");
            ProcessBuilder pb = new ProcessBuilder(binary, "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("MOTO_EC2_LOAD_DEFAULT_AMIS", "false");
            pb.environment().putAll(env);
            Process process = pb.start();
            Moto moto = new Moto(process, port);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            moto.awaitUp(log);
            return moto;
        } catch (IOException e) {
            throw new IllegalStateException("could not start moto_server: " + e.getMessage(), e);
        }
    }

    private static String find() {
        String configured = System.getenv("MOTO_SERVER");
        if (configured != null && new File(configured).canExecute()) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "moto_server");
            if (candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        throw new IllegalStateException("moto_server was not found on PATH (or MOTO_SERVER). The AWS tests run against "
                + "the moto emulator, preinstalled in the build image's Python; it cannot be installed from PyPI here.");
    }

    private void awaitUp(Path log) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(endpoint() + "/moto-api/reset"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("moto_server did not answer within 40 s: " + Files.readString(log));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base URL; {@code localhost} because S3 Control prefixes the host with the account id. */
    public String endpoint() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Forgets every resource of every account. */
    public void reset() {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint() + "/moto-api/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException("moto reset failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Points the product's default credential chain and endpoint resolution at {@code endpoint}. */
    public static void pointProductAt(String endpoint) {
        System.setProperty("aws.endpointUrl", endpoint);
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    public static AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    }

    /** A seeding client in {@code region} (the global services ignore it). */
    @SuppressWarnings("unchecked")
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
            AwsClientBuilder<?, ?> builder, String region) {
        B b = (B) builder;
        return b.endpointOverride(URI.create(endpoint()))
                .region(Region.of(region))
                .credentialsProvider(credentials())
                .httpClient(http)
                .build();
    }

    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
            AwsClientBuilder<?, ?> builder) {
        return client(builder, "us-east-1");
    }
}
