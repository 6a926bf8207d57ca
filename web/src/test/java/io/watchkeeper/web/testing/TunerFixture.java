package io.watchkeeper.web.testing;

import io.watchkeeper.iamtuner.aws.PolicyText;
import io.watchkeeper.iamtuner.testing.CloudTrailLogs;
import io.watchkeeper.iamtuner.testing.LastAccessedStub;
import io.watchkeeper.iamtuner.testing.TunerScenario;
import io.watchkeeper.watchers.testing.Moto;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The tuner's moto account for the application's tests: {@link TunerScenario}'s roles, policies and three
 * months of CloudTrail logs, with the product's IAM endpoint behind the last-accessed wire stub (which
 * says the roles are old enough to tune and, like an emulator, has no last-accessed data).
 */
public final class TunerFixture implements AutoCloseable {

    public final Moto moto = Moto.withAwsManagedPolicies();
    public final LastAccessedStub stub;
    public final IamClient iam;
    public final S3Client s3;

    public TunerFixture() {
        moto.reset();
        Moto.pointProductAt(moto.endpoint());
        stub = LastAccessedStub.start(moto.endpoint());
        stub.backdate(Duration.ofDays(200));
        stub.lastAccessedUnavailable(true);
        System.setProperty("aws.endpointUrlIam", stub.endpoint());
        iam = moto.client(IamClient.builder());
        s3 = moto.client(S3Client.builder().forcePathStyle(true));
        TunerScenario.seedIam(iam);
        TunerScenario.seedTrail(s3, moto.client(CloudTrailClient.builder()));
        CloudTrailLogs.write(s3, TunerScenario.BUCKET, "", TunerScenario.ACCOUNT,
                TunerScenario.threeMonths(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    }

    public String inline(String role, String name) {
        return PolicyText.decode(iam.getRolePolicy(r -> r.roleName(role).policyName(name)).policyDocument());
    }

    /** The default version's document of a managed policy. */
    public String defaultDocument(String policyArn) {
        String v = iam.getPolicy(r -> r.policyArn(policyArn)).policy().defaultVersionId();
        return PolicyText.decode(iam.getPolicyVersion(r -> r.policyArn(policyArn).versionId(v)).policyVersion().document());
    }

    /**
     * A CloudTrail log file in which {@code roleArn} is denied {@code eventName} {@code in} from now (files are
     * per 5-minute slot and read once, as CloudTrail's: a later denial needs a later slot).
     */
    public void denied(String roleArn, String eventSource, String eventName, Duration in) {
        CloudTrailLogs.write(s3, TunerScenario.BUCKET, "", TunerScenario.ACCOUNT, java.util.List.of(
                CloudTrailLogs.role(roleArn, eventSource, eventName, Instant.now().plus(in)).asData().denied()));
    }

    @Override
    public void close() {
        System.clearProperty("aws.endpointUrlIam");
        stub.close();
        moto.reset();
    }
}
