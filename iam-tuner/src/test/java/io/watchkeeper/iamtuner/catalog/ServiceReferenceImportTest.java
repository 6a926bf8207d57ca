package io.watchkeeper.iamtuner.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.watchkeeper.core.model.InvalidInputException;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The refresh from AWS's service reference, served on loopback in its real shape. */
class ServiceReferenceImportTest {

    private HttpServer server;
    private final Map<String, String> files = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = files.get(exchange.getRequestURI().getPath());
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void levelsLastAccessedFlagsAndOperationsComeFromTheServiceReference() {
        files.put("/", "[{\"service\":\"s3\",\"url\":\"" + base() + "/v1/s3/s3.json\"}]");
        files.put("/v1/s3/s3.json", """
                {"Name":"s3","Actions":[
                  {"Name":"GetObject","Annotations":{"Properties":{"IsList":false,"IsPermissionManagement":false,
                    "IsTaggingOnly":false,"IsWrite":false}},"Resources":[{"Name":"object"}],
                    "SupportedBy":{"IAM Access Analyzer Policy Generation":false,"IAM Action Last Accessed":false}},
                  {"Name":"PutBucketPolicy","Annotations":{"Properties":{"IsList":false,"IsPermissionManagement":true,
                    "IsTaggingOnly":false,"IsWrite":true}},"Resources":[{"Name":"bucket"}],
                    "SupportedBy":{"IAM Access Analyzer Policy Generation":true,"IAM Action Last Accessed":true}},
                  {"Name":"ListAllMyBuckets","Annotations":{"Properties":{"IsList":true,"IsPermissionManagement":false,
                    "IsTaggingOnly":false,"IsWrite":false}}},
                  {"Name":"bad name","Annotations":{}}],
                 "Operations":[{"Name":"ListBuckets","AuthorizedActions":[{"Name":"ListAllMyBuckets","Service":"s3"}]},
                               {"Name":"HeadObject","AuthorizedActions":[{"Name":"GetObject","Service":"s3"}]}],
                 "Version":"v1.4"}
                """);
        CatalogFile.Contents contents = new ServiceReferenceImport(ActionCatalog.bundled()).fromUrl(URI.create(base() + "/"));
        StringWriter out = new StringWriter();
        CatalogFile.write(contents, out);
        ActionCatalog refreshed = ActionCatalog.of(CatalogFile.read(new BufferedReader(new StringReader(out.toString()))));
        assertThat(refreshed.size()).isEqualTo(3);
        IamAction get = refreshed.action(refreshed.find("s3:GetObject").orElseThrow());
        assertThat(get.lastAccessed()).isEqualTo(LastAccessedSupport.NOT_TRACKED);
        assertThat(get.levels()).containsExactly(AccessLevel.READ);
        IamAction put = refreshed.action(refreshed.find("s3:PutBucketPolicy").orElseThrow());
        assertThat(put.lastAccessed()).isEqualTo(LastAccessedSupport.TRACKED);
        assertThat(put.levels()).containsExactlyInAnyOrder(AccessLevel.PERMISSIONS_MANAGEMENT, AccessLevel.WRITE);
        assertThat(refreshed.action(refreshed.find("s3:ListAllMyBuckets").orElseThrow()).levels()).containsExactly(AccessLevel.LIST);
        assertThat(refreshed.operation("s3", "ListBuckets")).containsExactly("s3:ListAllMyBuckets");
        assertThat(refreshed.operation("S3", "headobject")).containsExactly("s3:GetObject");
        assertThat(refreshed.serviceName("s3")).contains(ActionCatalog.bundled().serviceName("s3").orElseThrow());
        assertThat(refreshed.source()).startsWith("AWS service reference");
    }

    @Test
    void serviceFilesOnAnotherHostAndPlainHttpElsewhereAreRefused() {
        files.put("/", "[{\"service\":\"s3\",\"url\":\"http://169.254.169.254/latest/meta-data\"}]");
        assertThatThrownBy(() -> new ServiceReferenceImport(ActionCatalog.bundled()).fromUrl(URI.create(base() + "/")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("another host");
        assertThatThrownBy(() -> ServiceReferenceImport.checkUrl(URI.create("http://example.com/")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("https");
        ServiceReferenceImport.checkUrl(ServiceReferenceImport.DEFAULT_INDEX);
    }
}
