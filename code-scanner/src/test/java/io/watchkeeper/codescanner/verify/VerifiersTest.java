package io.watchkeeper.codescanner.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.watchkeeper.codescanner.CodeScanner;
import io.watchkeeper.codescanner.FakeSecrets;
import io.watchkeeper.codescanner.ScanOptions;
import io.watchkeeper.codescanner.ScanProgress;
import io.watchkeeper.codescanner.ScanRequest;
import io.watchkeeper.codescanner.ScanResult;
import io.watchkeeper.codescanner.TestRepos;
import io.watchkeeper.codescanner.finding.Finding;
import io.watchkeeper.core.secrets.SecretHasher;
import io.watchkeeper.codescanner.finding.Verification;
import io.watchkeeper.core.secrets.SecretDetector;
import io.watchkeeper.core.secrets.SecretRules;
import io.watchkeeper.core.finding.Severity;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live verification against a loopback server standing in for the providers (never the internet). */
class VerifiersTest {

    @TempDir
    Path dir;

    private final FakeSecrets fake = new FakeSecrets(11);
    private final String live = fake.github("ghp_");
    private final String revoked = fake.github("ghp_");
    private final String liveSlack = fake.slackBot();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/github/user", ex -> {
            requests.incrementAndGet();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            int status = ("Bearer " + live).equals(auth) ? 200 : ("Bearer " + revoked).equals(auth) ? 401 : 500;
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/slack/auth.test", ex -> {
            requests.incrementAndGet();
            boolean ok = ("Bearer " + liveSlack).equals(ex.getRequestHeaders().getFirst("Authorization")) && ex.getRequestMethod().equals("POST");
            byte[] body = (ok ? "{\"ok\":true,\"team\":\"t\"}" : "{\"ok\":false,\"error\":\"invalid_auth\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private List<SecretVerifier> verifiers() {
        var http = HttpVerifiers.client();
        return List.of(HttpVerifiers.github(http, base.resolve("/github")), HttpVerifiers.slack(http, base.resolve("/slack")));
    }

    @Test
    void verifiersAnswerLiveRevokedOrUnknown() {
        SecretVerifier github = verifiers().get(0);
        assertThat(github.verify(live)).isEqualTo(Verification.LIVE);
        assertThat(github.verify(revoked)).isEqualTo(Verification.REVOKED);
        assertThat(github.verify(fake.github("ghp_"))).isEqualTo(Verification.UNKNOWN);
        SecretVerifier slack = verifiers().get(1);
        assertThat(slack.verify(liveSlack)).isEqualTo(Verification.LIVE);
        assertThat(slack.verify(fake.slackBot())).isEqualTo(Verification.REVOKED);
        // nobody listening: unknown, not an error
        SecretVerifier nowhere = HttpVerifiers.github(HttpVerifiers.client(), URI.create("http://127.0.0.1:9"));
        assertThat(nowhere.verify(live)).isEqualTo(Verification.UNKNOWN);
    }

    @Test
    void verificationIsOffByDefaultAndRanksFindingsWhenOn() throws Exception {
        Files.writeString(dir.resolve("a.py"), "A = '" + live + "'\nB = '" + revoked + "'\n");
        Files.writeString(dir.resolve("bot.js"), "const t = '" + liveSlack + "';\n");
        SecretDetector detector = new SecretDetector(SecretRules.builtIn(), 4096);
        ScanOptions options = ScanOptions.defaults().withThreads(1);

        ScanResult off = CodeScanner.builder(detector, TestRepos.hasher(), options).verifiers(verifiers()).build()
                .scan(new ScanRequest.WorkingTree(dir), ScanProgress.NONE);
        assertThat(requests.get()).isZero();
        assertThat(off.findings()).allSatisfy(f -> assertThat(f.verification()).isEqualTo(Verification.NOT_CHECKED));

        ScanResult on = CodeScanner.builder(detector, new SecretHasher(TestRepos.KEY), options.withVerify(Set.of("github", "slack")))
                .verifiers(verifiers()).build().scan(new ScanRequest.WorkingTree(dir), ScanProgress.NONE);
        assertThat(on.findings()).extracting(Finding::startLine, Finding::verification, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, Verification.LIVE, Severity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple(2, Verification.REVOKED, Severity.LOW),
                org.assertj.core.groups.Tuple.tuple(1, Verification.LIVE, Severity.CRITICAL));
        assertThat(requests.get()).isEqualTo(3);
        assertThat(on.findings().getFirst().message()).contains("verified: live").doesNotContain(live);
    }
}
