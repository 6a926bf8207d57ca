package io.watchkeeper.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.benchmarks.SyntheticOrg.Kind;
import io.watchkeeper.benchmarks.SyntheticOrg.Sizes;
import io.watchkeeper.core.model.PolicyDocument;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Type;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.S3ControlException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/** The stub answers the real AWS SDK clients: every call the watchers make, paging and errors included. */
class AwsWireStubTest {

    private static final Sizes SIZES = new Sizes(10, 2, 7, 3, 2, 3, 4, 6, 7);
    private static AwsWireStub stub;
    private static SdkHttpClient http;

    @BeforeAll
    static void start() {
        stub = AwsWireStub.start(new SyntheticOrg(SIZES), Duration.ZERO);
        http = ApacheHttpClient.builder().build();
    }

    @AfterAll
    static void stop() {
        http.close();
        stub.close();
    }

    private static AwsCredentialsProvider hub() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAHUBTEST000000001", "secret"));
    }

    private static AwsCredentialsProvider assume(int account) {
        try (StsClient sts = StsClient.builder().endpointOverride(stub.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(hub()).httpClient(http).build()) {
            Credentials c = sts.assumeRole(r -> r.roleArn(stub.org().roleArn(account)).roleSessionName("test")
                    .externalId("x-123").durationSeconds(900)).credentials();
            assertThat(c.accessKeyId()).isEqualTo("ASIA" + stub.org().accountId(account) + "BNCH");
            assertThat(c.expiration()).isAfter(java.time.Instant.now());
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
                    c.sessionToken()));
        }
    }

    private static IamClient iam(int account) {
        return IamClient.builder().endpointOverride(stub.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(assume(account)).httpClient(http).build();
    }

    @Test
    void assumeRoleRefusesRolesOutsideTheOrganisation() {
        try (StsClient sts = StsClient.builder().endpointOverride(stub.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(hub()).httpClient(http).build()) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::999999999999:role/WatchkeeperAudit")
                    .roleSessionName("s")))
                    .isInstanceOfSatisfying(StsException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
    }

    @Test
    void authorizationDetailsHonourFilterAndPaging() {
        try (IamClient iam = iam(1)) {
            List<GetAccountAuthorizationDetailsResponse> pages = iam.getAccountAuthorizationDetailsPaginator(r -> r
                    .filter(EntityType.ROLE).maxItems(3)).stream().toList();
            assertThat(pages).hasSize(3);
            List<RoleDetail> roles = pages.stream().flatMap(p -> p.roleDetailList().stream()).toList();
            assertThat(roles).hasSize(7).allSatisfy(role -> {
                assertThat(role.arn()).startsWith("arn:aws:iam::" + stub.org().accountId(1) + ":role/");
                assertThat(role.roleId()).startsWith("AROA").hasSize(21);
                assertThat(PolicyDocument.parse(role.assumeRolePolicyDocument()).parsed()).isTrue();
                assertThat(role.rolePolicyList()).isNotEmpty().allSatisfy(p ->
                        assertThat(PolicyDocument.parse(p.policyDocument()).parsed()).isTrue());
                assertThat(role.attachedManagedPolicies()).isNotEmpty();
                assertThat(role.tags()).isNotEmpty();
            });
            assertThat(roles.stream().filter(r -> !r.instanceProfileList().isEmpty())).isNotEmpty();
            assertThat(pages.stream().allMatch(p -> p.userDetailList().isEmpty() && p.policies().isEmpty())).isTrue();

            var all = iam.getAccountAuthorizationDetails(r -> r.maxItems(1000));
            assertThat(all.userDetailList()).hasSize(3);
            assertThat(all.groupDetailList()).hasSize(2);
            assertThat(all.roleDetailList()).hasSize(7);
            assertThat(all.policies()).hasSize(3).allSatisfy(p -> {
                assertThat(p.defaultVersionId()).isEqualTo("v1");
                assertThat(p.policyVersionList()).anySatisfy(v -> assertThat(v.isDefaultVersion()).isTrue());
            });
            assertThat(all.userDetailList().getFirst().groupList()).isNotEmpty();
        }
    }

    @Test
    void credentialReportAndPasswordPolicy() {
        try (IamClient iam = iam(2)) {
            assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.COMPLETE);
            String csv = iam.getCredentialReport().content().asUtf8String();
            String[] lines = csv.split("\n");
            assertThat(lines[0].split(",")).hasSize(22).startsWith("user", "arn", "user_creation_time");
            assertThat(lines).hasSize(1 + 1 + 3);
            assertThat(lines[1]).startsWith("<root_account>,");
            assertThat(iam.getAccountPasswordPolicy().passwordPolicy().minimumPasswordLength()).isEqualTo(14);
            // the key the report shows in slot 1, by id, created when the report says
            String user = lines[2].split(",")[0];
            var keys = iam.listAccessKeys(r -> r.userName(user)).accessKeyMetadata();
            assertThat(keys).singleElement().satisfies(k -> {
                assertThat(k.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
                assertThat(k.createDate().toString().replace("Z", "")).isEqualTo(lines[2].split(",")[9].replace("+00:00", "").replace("Z", ""));
            });
            assertThatThrownBy(() -> iam.listAccessKeys(r -> r.userName("nobody"))).isInstanceOf(NoSuchEntityException.class);
        }
        try (IamClient iam = iam(9)) {
            assertThatThrownBy(iam::getAccountPasswordPolicy).isInstanceOf(NoSuchEntityException.class);
        }
    }

    @Test
    void ec2PagesRegionsGroupsAndInstances() {
        AwsCredentialsProvider creds = assume(3);
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(stub.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(creds).httpClient(http).build()) {
            assertThat(ec2.describeRegions(r -> r.allRegions(false)).regions()).extracting(r -> r.regionName())
                    .containsExactly("us-east-1", "eu-west-1");
            List<SecurityGroup> groups = ec2.describeSecurityGroupsPaginator(r -> r.maxResults(5)).securityGroups()
                    .stream().toList();
            assertThat(groups).hasSize(6);
            assertThat(groups.getFirst().groupName()).isEqualTo("default");
            assertThat(groups).allSatisfy(g -> {
                assertThat(g.ownerId()).isEqualTo(stub.org().accountId(3));
                assertThat(g.ipPermissionsEgress()).isNotEmpty();
            });
            assertThat(groups.stream().flatMap(g -> g.ipPermissions().stream())
                    .flatMap(p -> p.userIdGroupPairs().stream())).isNotEmpty();
            List<Instance> instances = ec2.describeInstancesPaginator(r -> r.maxResults(5)).reservations().stream()
                    .flatMap(r -> r.instances().stream()).toList();
            assertThat(instances).hasSize(8);
            assertThat(instances.stream().filter(i -> i.state().name() == InstanceStateName.TERMINATED)).hasSize(1);
            Instance first = instances.getFirst();
            assertThat(first.securityGroups()).isNotEmpty();
            assertThat(first.metadataOptions().httpTokensAsString()).isEqualTo("required");
            assertThat(first.publicIpAddress()).isNotBlank();
            assertThat(first.networkInterfaces().getFirst().groups()).isNotEmpty();
        }
    }

    @Test
    void s3BucketsSubResourcesAndNotFoundCodes() {
        AwsCredentialsProvider creds = assume(4);
        try (S3Client s3 = S3Client.builder().endpointOverride(stub.endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true).crossRegionAccessEnabled(true).credentialsProvider(creds).httpClient(http).build()) {
            List<Bucket> buckets = s3.listBucketsPaginator(r -> r.maxBuckets(3)).buckets().stream().toList();
            assertThat(buckets).hasSize(4);
            String even = buckets.get(0).name();
            String odd = buckets.get(1).name();
            assertThat(s3.getBucketLocation(r -> r.bucket(even)).locationConstraintAsString()).isEmpty();
            assertThat(s3.getBucketLocation(r -> r.bucket(odd)).locationConstraintAsString()).isEqualTo("eu-west-1");
            assertThat(PolicyDocument.parse(s3.getBucketPolicy(r -> r.bucket(even)).policy()).parsed()).isTrue();
            assertThatThrownBy(() -> s3.getBucketPolicy(r -> r.bucket(odd)))
                    .isInstanceOfSatisfying(S3Exception.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy"));
            var acl = s3.getBucketAcl(r -> r.bucket(even));
            assertThat(acl.owner().id()).hasSize(64);
            assertThat(acl.grants()).anySatisfy(g -> assertThat(g.grantee().type()).isEqualTo(Type.GROUP));
            assertThat(s3.getPublicAccessBlock(r -> r.bucket(even)).publicAccessBlockConfiguration().blockPublicAcls())
                    .isTrue();
            assertThat(s3.getBucketEncryption(r -> r.bucket(even)).serverSideEncryptionConfiguration().rules()
                    .getFirst().applyServerSideEncryptionByDefault().sseAlgorithmAsString()).isEqualTo("aws:kms");
            assertThat(s3.getBucketVersioning(r -> r.bucket(even)).statusAsString()).isEqualTo("Enabled");
            assertThat(s3.getBucketLogging(r -> r.bucket(odd)).loggingEnabled().targetBucket()).isEqualTo(even);
            assertThat(s3.getBucketOwnershipControls(r -> r.bucket(even)).ownershipControls().rules()).hasSize(1);
            assertThat(s3.getBucketTagging(r -> r.bucket(even)).tagSet()).isNotEmpty();
            assertThatThrownBy(() -> s3.getBucketAcl(r -> r.bucket("wk-" + stub.org().accountId(5) + "-00-logs")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void s3ControlAccountPublicAccessBlock() {
        ExecutionInterceptor hostFix = new ExecutionInterceptor() {
            @Override
            public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
                return context.httpRequest().toBuilder().host("localhost").build();
            }
        };
        for (int account : new int[] {0, 4}) {
            String id = stub.org().accountId(account);
            try (S3ControlClient control = S3ControlClient.builder().endpointOverride(URI.create(stub.endpoint().toString()))
                    .region(Region.US_EAST_1).credentialsProvider(assume(account)).httpClient(http)
                    .overrideConfiguration(o -> o.addExecutionInterceptor(hostFix)).build()) {
                if (account == 0) {
                    assertThat(control.getPublicAccessBlock(r -> r.accountId(id)).publicAccessBlockConfiguration()
                            .restrictPublicBuckets()).isTrue();
                } else {
                    assertThatThrownBy(() -> control.getPublicAccessBlock(r -> r.accountId(id)))
                            .isInstanceOfSatisfying(S3ControlException.class, e -> assertThat(e.awsErrorDetails()
                                    .errorCode()).isEqualTo("NoSuchPublicAccessBlockConfiguration"));
                }
            }
        }
    }

    @Test
    void mutationsAreDeterministicAndCounted() {
        SyntheticOrg a = new SyntheticOrg(SIZES);
        SyntheticOrg b = new SyntheticOrg(SIZES);
        Map<Kind, Integer> first = a.mutate(0.05, 7);
        assertThat(b.mutate(0.05, 7)).isEqualTo(first);
        assertThat(first.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo((int) Math.round(0.05 * SIZES.total()));
        for (int g = 0; g < SIZES.total(); g++) {
            var c = a.coordinates(g);
            assertThat(c.kind()).isNotNull();
            assertThat(a.version(c.account(), c.kind(), c.region(), c.index())).isEqualTo(b.version(c.account(),
                    c.kind(), c.region(), c.index()));
        }
    }

    @Test
    void countsRequestsPerServiceAndAction() {
        try (IamClient iam = iam(6)) {
            iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.GROUP));
        }
        assertThat(stub.requestCounts()).containsKeys("sts:AssumeRole", "iam:GetAccountAuthorizationDetails");
    }
}
