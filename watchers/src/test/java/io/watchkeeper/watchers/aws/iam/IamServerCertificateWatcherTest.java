package io.watchkeeper.watchers.aws.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.IamServerCertificateConfig;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.watchers.testing.WireStub;
import io.watchkeeper.watchers.testing.WireStub.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

class IamServerCertificateWatcherTest extends AwsWatcherTestSupport {

    private final IamServerCertificateWatcher watcher = new IamServerCertificateWatcher();

    @Test
    void listsUploadedCertificatesAndForgetsDeletedOnes() {
        IamClient iam = moto.client(IamClient.builder());
        iam.uploadServerCertificate(r -> r.serverCertificateName("www").path("/cloudfront/")
                .certificateBody("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")
                .privateKey("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----"));
        iam.uploadServerCertificate(r -> r.serverCertificateName("old")
                .certificateBody("-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----")
                .privateKey("-----BEGIN PRIVATE KEY-----\nMIIF\n-----END PRIVATE KEY-----"));
        iam.deleteServerCertificate(r -> r.serverCertificateName("old"));

        Map<String, IamServerCertificateConfig> seen = configs(watcher, "us-east-1");
        assertThat(seen).containsOnlyKeys("www");
        IamServerCertificateConfig c = seen.get("www");
        assertThat(c.arn()).isEqualTo("arn:aws:iam::" + Moto.ACCOUNT_ID + ":server-certificate/cloudfront/www");
        assertThat(c.path()).isEqualTo("/cloudfront/");
        assertThat(c.serverCertificateId()).isNotBlank();
        assertThat(c.uploadDate()).isNotNull();
        assertThat(c.expiration()).isNotNull(); // moto answers a fixed date; the stub test below reads a real one
        assertThat(EphemeralPaths.of(IamServerCertificateConfig.class).describe()).isEmpty();
    }

    @Test
    void anAccountWithoutCertificatesHasNone() {
        assertThat(observe(watcher, "us-east-1")).isEmpty();
    }

    @Test
    void readsTheExpiryAsAwsWritesItAndFollowsMarkers() {
        try (WireStub stub = WireStub.start(r -> "ListServerCertificates".equals(r.action()) ? Reply.xml(
                "<ListServerCertificatesResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                        + "<ListServerCertificatesResult>" + (r.form().containsKey("Marker")
                                ? "<IsTruncated>false</IsTruncated><ServerCertificateMetadataList>"
                                        + member("api", "ASCAQ4EXAMPLE2", "2031-01-01T00:00:00Z")
                                : "<IsTruncated>true</IsTruncated><Marker>page2</Marker><ServerCertificateMetadataList>"
                                        + member("legacy", "ASCAQ4EXAMPLE1", "2020-06-30T23:59:59Z"))
                        + "</ServerCertificateMetadataList></ListServerCertificatesResult>"
                        + "<ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></ListServerCertificatesResponse>")
                : null)) {
            serveFrom("Iam", stub);
            List<Observation<IamServerCertificateConfig>> all = observe(watcher, "us-east-1");
            assertThat(all).extracting(Observation::resourceId).containsExactly(
                    "arn:aws:iam::" + Moto.ACCOUNT_ID + ":server-certificate/legacy",
                    "arn:aws:iam::" + Moto.ACCOUNT_ID + ":server-certificate/api");
            assertThat(configs(watcher, "us-east-1").get("legacy").expiration())
                    .isEqualTo(Instant.parse("2020-06-30T23:59:59Z"));
            assertThat(stub.requests()).hasSize(4);
        }
    }

    private static String member(String name, String id, String expiration) {
        return "<member><ServerCertificateName>" + name + "</ServerCertificateName><Path>/</Path>"
                + "<Arn>arn:aws:iam::" + Moto.ACCOUNT_ID + ":server-certificate/" + name + "</Arn>"
                + "<ServerCertificateId>" + id + "</ServerCertificateId><UploadDate>2019-06-30T12:00:00Z</UploadDate>"
                + "<Expiration>" + expiration + "</Expiration></member>";
    }
}
