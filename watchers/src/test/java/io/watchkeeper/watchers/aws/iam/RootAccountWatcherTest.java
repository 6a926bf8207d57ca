package io.watchkeeper.watchers.aws.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.IamUserConfig.AccessKey;
import io.watchkeeper.core.config.aws.RootAccountConfig;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.watchers.testing.WireStub;
import io.watchkeeper.watchers.testing.WireStub.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

class RootAccountWatcherTest extends AwsWatcherTestSupport {

    private static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final String ROOT_ARN = "arn:aws:iam::" + Moto.ACCOUNT_ID + ":root";

    private final RootAccountWatcher watcher = new RootAccountWatcher();

    @Test
    void aCleanAccountHasNoRootKeysNoRootMfaAndUsersDevicesAreNotTheRoots() {
        IamClient iam = moto.client(IamClient.builder());
        iam.createUser(r -> r.userName("alice"));
        String serial = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("alice-phone")).virtualMFADevice()
                .serialNumber();
        iam.enableMFADevice(r -> r.userName("alice").serialNumber(serial).authenticationCode1("123456")
                .authenticationCode2("654321"));

        List<Observation<RootAccountConfig>> all = observe(watcher, "us-east-1");
        assertThat(all).hasSize(1);
        var o = (Observation.Observed<RootAccountConfig>) all.getFirst();
        assertThat(o.resourceId()).isEqualTo(ROOT_ARN);
        assertThat(o.region()).isEqualTo(WatchScope.GLOBAL);
        RootAccountConfig c = o.config();
        assertThat(c.accountId()).isEqualTo(Moto.ACCOUNT_ID);
        assertThat(c.accountMfaEnabled()).isFalse();
        assertThat(c.accountAccessKeysPresent()).isFalse();
        assertThat(c.virtualMfaDevices()).isEmpty();
        // moto's credential report has no <root_account> row: the row's fields are unknown, not "false"
        assertThat(c.inCredentialReport()).isFalse();
        assertThat(c.mfaActive()).isNull();
        assertThat(c.accessKeys()).isNull();
    }

    @Test
    void readsTheRootRowTheSummaryAndTheRootsVirtualMfaDevice() {
        try (WireStub stub = WireStub.start(r -> iam(r, "2024-05-01T10:00:00+00:00", "2024-06-02T09:30:00+00:00"))) {
            serveFrom("Iam", stub);
            RootAccountConfig c = only();
            assertThat(c.arn()).isEqualTo(ROOT_ARN);
            assertThat(c.inCredentialReport()).isTrue();
            assertThat(c.createdAt()).isEqualTo(Instant.parse("2014-09-01T22:28:48Z"));
            assertThat(c.mfaActive()).isTrue();
            assertThat(c.accessKeys()).containsExactly(new AccessKey(1, true, Instant.parse("2023-02-01T00:00:00Z"),
                    Instant.parse("2024-06-02T09:30:00Z"), "eu-west-1", "s3"));
            assertThat(c.activeSigningCertificates()).isZero();
            assertThat(c.passwordLastUsed()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
            assertThat(c.accountMfaEnabled()).isTrue();
            assertThat(c.accountAccessKeysPresent()).isTrue();
            assertThat(c.accountSigningCertificatesPresent()).isFalse();
            assertThat(c.virtualMfaDevices()).containsExactly("arn:aws:iam::" + Moto.ACCOUNT_ID
                    + ":mfa/root-account-mfa-device");
            assertThat(stub.requests()).extracting(WireStub.Request::action).containsExactly("GenerateCredentialReport",
                    "GetCredentialReport", "GetAccountSummary", "ListVirtualMFADevices");
            assertThat(stub.requests().getLast().form()).containsEntry("AssignmentStatus", "Assigned");
            assertThat(Json.read(CanonicalJson.of(c).fullText(), RootAccountConfig.class)).isEqualTo(c);
        }
    }

    @Test
    void lastUseIsEphemeralSoSignInsMakeNoRevision() {
        assertThat(EphemeralPaths.of(RootAccountConfig.class).describe()).containsExactlyInAnyOrder(
                "passwordLastUsed", "accessKeys/*/lastUsedDate", "accessKeys/*/lastUsedRegion",
                "accessKeys/*/lastUsedService");
        String[] lastUse = {"2024-05-01T10:00:00+00:00", "2024-06-02T09:30:00+00:00"};
        try (WireStub stub = WireStub.start(r -> iam(r, lastUse[0], lastUse[1]))) {
            serveFrom("Iam", stub);
            RootAccountConfig first = only();
            lastUse[0] = "2024-07-01T10:00:00+00:00";
            lastUse[1] = "2024-07-02T09:30:00+00:00";
            nextRun(); // one session per account and run shares the credential report between types
            RootAccountConfig later = only();
            assertThat(later).isNotEqualTo(first);
            assertThat(CanonicalJson.of(later).durableHash()).isEqualTo(CanonicalJson.of(first).durableHash());
            assertThat(CanonicalJson.of(later).fullHash()).isNotEqualTo(CanonicalJson.of(first).fullHash());
        }
    }

    private RootAccountConfig only() {
        List<Observation<RootAccountConfig>> all = observe(watcher, "us-east-1");
        assertThat(all).hasSize(1);
        return ((Observation.Observed<RootAccountConfig>) all.getFirst()).config();
    }

    /** IAM's query protocol, as AWS answers for an account whose root has a key and a virtual MFA device. */
    static Reply iam(WireStub.Request r, String passwordLastUsed, String keyLastUsed) {
        String body = switch (r.action()) {
            case "GenerateCredentialReport" -> "<GenerateCredentialReportResult><State>COMPLETE</State>"
                    + "<Description>No report exists. Starting a new report generation task</Description>"
                    + "</GenerateCredentialReportResult>";
            case "GetCredentialReport" -> "<GetCredentialReportResult><Content>" + Base64.getEncoder().encodeToString(
                    (IamCredentialReportTest.HEADER + "\n"
                            + IamCredentialReportTest.ROOT.replace("2024-05-01T10:00:00+00:00", passwordLastUsed)
                                    .replace(",true,false,N/A,N/A,N/A,N/A,false,", ",true,true,2023-02-01T00:00:00+00:00,"
                                            + keyLastUsed + ",eu-west-1,s3,false,")
                            + "\n").getBytes(StandardCharsets.UTF_8))
                    + "</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>2024-07-03T00:00:00Z</GeneratedTime>"
                    + "</GetCredentialReportResult>";
            case "GetAccountSummary" -> "<GetAccountSummaryResult><SummaryMap>"
                    + entry("Users", 3) + entry("AccountMFAEnabled", 1) + entry("AccountAccessKeysPresent", 1)
                    + entry("AccountSigningCertificatesPresent", 0) + entry("MFADevices", 2)
                    + "</SummaryMap></GetAccountSummaryResult>";
            case "ListVirtualMFADevices" -> "<ListVirtualMFADevicesResult><IsTruncated>false</IsTruncated>"
                    + "<VirtualMFADevices>"
                    + "<member><SerialNumber>arn:aws:iam::" + Moto.ACCOUNT_ID + ":mfa/alice-phone</SerialNumber>"
                    + "<User><UserName>alice</UserName><Arn>arn:aws:iam::" + Moto.ACCOUNT_ID + ":user/alice</Arn>"
                    + "<UserId>AIDAEXAMPLEALICE00001</UserId><Path>/</Path><CreateDate>2020-01-02T03:04:05Z</CreateDate>"
                    + "</User><EnableDate>2020-01-03T00:00:00Z</EnableDate></member>"
                    + "<member><SerialNumber>arn:aws:iam::" + Moto.ACCOUNT_ID + ":mfa/root-account-mfa-device</SerialNumber>"
                    + "<User><Arn>" + ROOT_ARN + "</Arn><UserId>" + Moto.ACCOUNT_ID + "</UserId>"
                    + "<CreateDate>2014-09-01T22:28:48Z</CreateDate></User><EnableDate>2019-01-01T00:00:00Z</EnableDate>"
                    + "</member></VirtualMFADevices></ListVirtualMFADevicesResult>";
            default -> null;
        };
        if (body == null) {
            return null;
        }
        String action = r.action();
        return Reply.xml("<" + action + "Response xmlns=\"" + NS + "\">" + body
                + "<ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></"
                + action + "Response>");
    }

    private static String entry(String key, int value) {
        return "<entry><key>" + key + "</key><value>" + value + "</value></entry>";
    }
}
