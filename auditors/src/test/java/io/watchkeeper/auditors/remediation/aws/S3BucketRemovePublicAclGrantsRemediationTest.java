package io.watchkeeper.auditors.remediation.aws;

import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.durableHash;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.execute;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.finding;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.json;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.config.aws.S3BucketConfig.Grant;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.watchers.aws.s3.S3BucketWatcher;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

class S3BucketRemovePublicAclGrantsRemediationTest extends AwsWatcherTestSupport {

    private static final String GROUPS = "http://acs.amazonaws.com/groups/";
    private final S3BucketRemovePublicAclGrantsRemediation remediation = new S3BucketRemovePublicAclGrantsRemediation();
    private final S3BucketWatcher watcher = new S3BucketWatcher();

    private S3BucketConfig read(String bucket) {
        return configs(watcher, "us-east-1").get(bucket);
    }

    private static FindingView publicAcl(String bucket) {
        return finding("aws.s3.bucket/public-acl", "arn:aws:s3:::" + bucket, "us-east-1", "grant:AllUsers:READ",
                "{'granteeType':'Group','grantee':'" + GROUPS + "global/AllUsers','permission':'READ'}");
    }

    @Test
    void removesTheGrantsToEveryoneKeepsTheOthersAndPutsThemBack() {
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("site"));
        String owner = read("site").aclOwner();
        s3.putBucketAcl(r -> r.bucket("site").grantFullControl("id=" + owner)
                .grantRead("uri=" + GROUPS + "global/AllUsers")
                .grantReadACP("uri=" + GROUPS + "global/AuthenticatedUsers")
                .grantWrite("uri=" + GROUPS + "s3/LogDelivery"));
        S3BucketConfig before = read("site");
        assertThat(before.aclGrants()).hasSize(4);

        RemediationPlan plan = remediation.plan(publicAcl("site"), before);
        assertThat(plan.calls()).containsExactly(new ApiCall("s3", "PutBucketAcl", json("{'Bucket':'site',"
                + "'AccessControlPolicy':{'Owner':{'ID':'" + owner + "'},'Grants':["
                + "{'Grantee':{'Type':'CanonicalUser','ID':'" + owner + "'},'Permission':'FULL_CONTROL'},"
                + "{'Grantee':{'Type':'Group','URI':'" + GROUPS + "s3/LogDelivery'},'Permission':'WRITE'}]}}")));
        execute(remediation, plan, session);
        assertThat(read("site").aclGrants()).containsExactly(new Grant("CanonicalUser", owner, "FULL_CONTROL"),
                new Grant("Group", GROUPS + "s3/LogDelivery", "WRITE"));

        RemediationPlan rollback = remediation.rollback(plan, before);
        assertThat(rollback.calls()).hasSize(1);
        assertThat(rollback.calls().getFirst().parameters().at("/AccessControlPolicy/Grants")).hasSize(4);
        execute(remediation, rollback, session);
        assertThat(durableHash(read("site"))).isEqualTo(durableHash(before));
    }

    @Test
    void aPrivateAclNeedsNothing() {
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("site"));
        S3BucketConfig before = read("site");

        RemediationPlan plan = remediation.plan(publicAcl("site"), before);
        assertThat(plan.empty()).isTrue();
        assertThat(remediation.rollback(plan, before).empty()).isTrue();
    }

    @Test
    void refusesGrantsAndOwnersAwsWouldNotReport() {
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("site"));
        S3BucketConfig before = read("site");
        List<Grant> publicGrant = List.of(new Grant("Group", GROUPS + "global/AllUsers", "READ"));

        S3BucketConfig hostileGrantee = with(before, "aclGrants", List.of(publicGrant.getFirst(),
                new Grant("Group", "http://evil.example/groups/everyone", "READ")));
        assertThatThrownBy(() -> remediation.plan(publicAcl("site"), hostileGrantee))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'http://evil.example/groups/everyone'");
        S3BucketConfig hostileOwner = with(with(before, "aclGrants", publicGrant), "aclOwner", "owner\"/><Grant>");
        assertThatThrownBy(() -> remediation.plan(publicAcl("site"), hostileOwner))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("as ACL owner");
        S3BucketConfig hostilePermission = with(before, "aclGrants", List.of(publicGrant.getFirst(),
                new Grant("CanonicalUser", before.aclOwner(), "EVERYTHING")));
        assertThatThrownBy(() -> remediation.plan(publicAcl("site"), hostilePermission))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'EVERYTHING'");
    }
}
