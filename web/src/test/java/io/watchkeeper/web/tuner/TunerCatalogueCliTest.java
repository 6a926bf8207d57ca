package io.watchkeeper.web.tuner;

import static io.watchkeeper.db.jooq.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.iamtuner.catalog.AccessLevel;
import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import io.watchkeeper.iamtuner.catalog.IamAction;
import io.watchkeeper.iamtuner.catalog.LastAccessedSupport;
import io.watchkeeper.web.testing.CliHarness;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code watchkeeper tuner catalogue refresh} from AWS's service reference in its real shape: served by a loopback
 * server (index + one file per service) and as a file; the catalogue is written to the data folder, read back, and
 * the refresh is audited once; http off loopback and a partial reference are refused with nothing written.
 */
class TunerCatalogueCliTest {

    @TempDir
    Path home;
    @TempDir
    Path work;

    private HttpServer server;
    private final Map<String, String> served = new ConcurrentHashMap<>();
    private CliHarness cli;

    @BeforeEach
    void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = served.get(exchange.getRequestURI().getPath());
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        cli = new CliHarness("--watchkeeper.home=" + home);
    }

    @AfterEach
    void tearDown() {
        cli.close();
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The bundled catalogue as service-reference files, plus one action AWS "added" to S3. */
    private static Map<String, ObjectNode> reference() {
        Map<String, ObjectNode> files = new LinkedHashMap<>();
        for (IamAction a : ActionCatalog.bundled().actions()) {
            ObjectNode f = files.computeIfAbsent(a.service(), s -> {
                ObjectNode o = Json.object();
                o.put("Name", s);
                o.putArray("Actions");
                return o;
            });
            action((ArrayNode) f.get("Actions"), a.name(), a.levels().contains(AccessLevel.WRITE),
                    a.lastAccessed() == LastAccessedSupport.TRACKED, a.resourceTypes());
        }
        action((ArrayNode) files.get("s3").get("Actions"), "ShinyNewAction", true, true, List.of("bucket"));
        return files;
    }

    private static void action(ArrayNode actions, String name, boolean write, boolean tracked, List<String> resources) {
        ObjectNode a = actions.addObject();
        a.put("Name", name);
        ObjectNode props = a.putObject("Annotations").putObject("Properties");
        props.put("IsList", false).put("IsPermissionManagement", false).put("IsTaggingOnly", false).put("IsWrite", write);
        ArrayNode r = a.putArray("Resources");
        resources.forEach(x -> r.addObject().put("Name", x));
        a.putObject("SupportedBy").put("IAM Action Last Accessed", tracked);
    }

    private ActionCatalog written() throws Exception {
        try (InputStream in = Files.newInputStream(home.resolve("iam-catalog.tsv"))) {
            return ActionCatalog.read(in);
        }
    }

    private int audited() {
        return cli.db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("tuner.catalogue.refresh"));
    }

    @Test
    void refreshesFromTheServiceReferenceServedOnLoopback() throws Exception {
        Map<String, ObjectNode> files = reference();
        ArrayNode index = Json.mapper().createArrayNode();
        files.forEach((svc, f) -> {
            String path = "/v1/" + svc + "/" + svc + ".json";
            served.put(path, Json.write(f));
            index.addObject().put("service", svc).put("url", base() + path);
        });
        served.put("/", Json.write(index));

        CliHarness.Run run = cli.run("tuner", "catalogue", "refresh", "--from", base() + "/");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("catalogue refreshed from " + base() + "/")
                .contains(String.format("%,d services", files.size())).contains("iam-catalog.tsv");
        ActionCatalog c = written();
        assertThat(c.find("s3:ShinyNewAction")).isPresent();
        int bundled = ActionCatalog.bundled().size();
        assertThat(c.size()).as("every action served, read back").isBetween(bundled * 99 / 100, bundled + 1);
        assertThat(c.source()).contains("AWS service reference " + base());
        assertThat(audited()).isEqualTo(1);
    }

    @Test
    void refreshesFromAFileAndRefusesHttpOffLoopbackAndAPartialReference() throws Exception {
        Path bundle = work.resolve("reference.json");
        ArrayNode all = Json.mapper().createArrayNode();
        reference().values().forEach(all::add);
        Files.writeString(bundle, Json.write(all));
        Path s3Only = work.resolve("s3.json");
        Files.writeString(s3Only, Json.write(reference().get("s3")));

        CliHarness.Run clear = cli.run("tuner", "catalogue", "refresh", "--from", "http://192.0.2.1/");
        assertThat(clear.exit()).isEqualTo(2);
        assertThat(clear.err()).contains("error:").contains("https");
        CliHarness.Run partial = cli.run("tuner", "catalogue", "refresh", "--from", s3Only.toString());
        assertThat(partial.exit()).isEqualTo(2);
        assertThat(partial.err()).contains("refusing a partial catalogue");
        CliHarness.Run missing = cli.run("tuner", "catalogue", "refresh", "--from", work.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(Files.exists(home.resolve("iam-catalog.tsv"))).as("nothing written").isFalse();
        assertThat(audited()).isZero();

        CliHarness.Run run = cli.run("tuner", "catalogue", "refresh", "--from", bundle.toString(), "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(written().find("s3:ShinyNewAction")).isPresent();
        assertThat(Json.parse(run.out()).get("actions").asInt()).isEqualTo(written().size());
        assertThat(audited()).isEqualTo(1);
    }
}
