package io.watchkeeper.watchers;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.ScopeResult;
import io.watchkeeper.core.watch.ScopeStatus;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.watchers.testing.PipelineFixture;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.FlowLogsResourceType;
import software.amazon.awssdk.services.ec2.model.TrafficType;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The types added for issue 14 through the real pipeline on moto: every one watched twice with
 * nothing changed in between writes no revision the second time (history exact, ephemeral values
 * marked), and a change makes exactly one. Access Analyzer, Security Hub's enabled state and the EC2
 * account settings need APIs moto lacks; their watcher tests use a wire stub.
 */
class NewAwsTypesPipelineTest {

    private static final String REGION = "eu-west-1";
    private static final List<String> TYPES = List.of("aws.iam.root-account", "aws.iam.server-certificate",
            "aws.ec2.vpc", "aws.ec2.vpc-peering-connection", "aws.ec2.route-table", "aws.ec2.network-acl",
            "aws.ec2.volume", "aws.logs.metric-filter", "aws.cloudwatch.alarm", "aws.config.recorder",
            "aws.guardduty.detector", "aws.securityhub.hub", "aws.organizations.policy",
            "aws.organizations.delegated-administrator", "aws.elbv2.load-balancer", "aws.elb.load-balancer",
            "aws.rds.snapshot", "aws.rds.cluster-snapshot", "aws.rds.cluster", "aws.secretsmanager.secret",
            "aws.eks.cluster", "aws.ecr.repository", "aws.efs.file-system");

    private final Moto moto = Moto.get();
    private PipelineFixture fixture;

    @BeforeEach
    void setUp() {
        moto.reset();
        Moto.pointProductAt(moto.endpoint());
        fixture = new PipelineFixture();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void aSecondWatchOfUnchangedResourcesWritesNoRevisionAndAChangeWritesOne() {
        seed();
        Account account = fixture.addAccount("prod", Moto.ACCOUNT_ID, null, REGION);
        String[] types = TYPES.toArray(String[]::new);

        RunSummary first = fixture.watch(account, types);
        assertThat(first.scopes()).as("scopes: %s", first.scopes()).allMatch(s -> s.status() == ScopeStatus.OK);
        Map<String, Integer> created = first.scopes().stream()
                .collect(Collectors.toMap(s -> s.scope().type().id(), s -> s.counts().created(), Integer::sum));
        assertThat(created).as("every type found what was seeded").containsOnlyKeys(TYPES)
                .allSatisfy((type, n) -> assertThat(n).as(type).isPositive());

        RunSummary idle = fixture.watch(account, types);
        assertThat(idle.scopes()).allMatch(s -> s.status() == ScopeStatus.OK);
        assertThat(idle.scopes()).as("nothing changed, nothing may make a revision")
                .allSatisfy(s -> assertThat(s.counts().created() + s.counts().changed() + s.counts().deleted())
                        .as(s.scope().toString()).isZero());

        EcrClient ecr = moto.client(EcrClient.builder(), REGION);
        ecr.putImageTagMutability(r -> r.repositoryName("api").imageTagMutability("IMMUTABLE"));
        RunSummary changed = fixture.watch(account, types);
        assertThat(changed.scopes()).filteredOn(s -> s.counts().changed() > 0).extracting(ScopeResult::scope)
                .extracting(s -> s.type().id()).containsExactly("aws.ecr.repository");
    }

    private void seed() {
        IamClient iam = moto.client(IamClient.builder());
        iam.uploadServerCertificate(r -> r.serverCertificateName("www")
                .certificateBody("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")
                .privateKey("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----"));
        Ec2Client ec2 = moto.client(Ec2Client.builder(), REGION);
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.40.0.0/16")).vpc().vpcId();
        String peer = ec2.createVpc(r -> r.cidrBlock("10.41.0.0/16")).vpc().vpcId();
        ec2.createVpcPeeringConnection(r -> r.vpcId(vpc).peerVpcId(peer));
        ec2.createFlowLogs(r -> r.resourceIds(vpc).resourceType(FlowLogsResourceType.VPC).trafficType(TrafficType.ALL)
                .logGroupName("flows").deliverLogsPermissionArn("arn:aws:iam::" + Moto.ACCOUNT_ID + ":role/flows"));
        ec2.createVolume(r -> r.availabilityZone(REGION + "a").size(8).encrypted(true));
        CloudWatchLogsClient logs = moto.client(CloudWatchLogsClient.builder(), REGION);
        logs.createLogGroup(r -> r.logGroupName("trail"));
        logs.putMetricFilter(r -> r.logGroupName("trail").filterName("root-usage").filterPattern("{ $.userIdentity.type = \"Root\" }")
                .metricTransformations(t -> t.metricName("RootUsage").metricNamespace("CIS").metricValue("1")));
        CloudWatchClient cw = moto.client(CloudWatchClient.builder(), REGION);
        cw.putMetricAlarm(r -> r.alarmName("root-usage").metricName("RootUsage").namespace("CIS").statistic(Statistic.SUM)
                .period(300).evaluationPeriods(1).threshold(1.0).comparisonOperator(
                        ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .alarmActions("arn:aws:sns:" + REGION + ":" + Moto.ACCOUNT_ID + ":alerts"));
        ConfigClient config = moto.client(ConfigClient.builder(), REGION);
        config.putConfigurationRecorder(r -> r.configurationRecorder(c -> c.name("default")
                .roleARN("arn:aws:iam::" + Moto.ACCOUNT_ID + ":role/config")
                .recordingGroup(g -> g.allSupported(true).includeGlobalResourceTypes(true))));
        config.putDeliveryChannel(r -> r.deliveryChannel(d -> d.name("default").s3BucketName("config-bucket")));
        config.startConfigurationRecorder(r -> r.configurationRecorderName("default"));
        GuardDutyClient guardDuty = moto.client(GuardDutyClient.builder(), REGION);
        guardDuty.createDetector(r -> r.enable(true));
        OrganizationsClient orgs = moto.client(OrganizationsClient.builder());
        orgs.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
        String root = orgs.listRoots().roots().getFirst().id();
        orgs.enablePolicyType(r -> r.rootId(root).policyType(PolicyType.SERVICE_CONTROL_POLICY));
        orgs.createAccount(r -> r.accountName("security").email("security@example.com"));
        String security = orgs.listAccounts().accounts().stream().filter(a -> "security".equals(a.name())).findFirst()
                .orElseThrow().id();
        orgs.registerDelegatedAdministrator(r -> r.accountId(security).servicePrincipal("guardduty.amazonaws.com"));
        List<String> subnets = ec2.describeSubnets(r -> r.filters(f -> f.name("default-for-az").values("true")))
                .subnets().stream().limit(2).map(s -> s.subnetId()).toList();
        ElasticLoadBalancingV2Client elbv2 = moto.client(ElasticLoadBalancingV2Client.builder(), REGION);
        elbv2.createLoadBalancer(r -> r.name("web").subnets(subnets));
        ElasticLoadBalancingClient elb = moto.client(ElasticLoadBalancingClient.builder(), REGION);
        elb.createLoadBalancer(r -> r.loadBalancerName("legacy").availabilityZones(REGION + "a")
                .listeners(l -> l.protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(80)));
        RdsClient rds = moto.client(RdsClient.builder(), REGION);
        rds.createDBInstance(r -> r.dbInstanceIdentifier("db").engine("postgres").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("correct-horse-9"));
        rds.createDBSnapshot(r -> r.dbInstanceIdentifier("db").dbSnapshotIdentifier("db-copy"));
        rds.createDBCluster(r -> r.dbClusterIdentifier("ledger").engine("aurora-postgresql").masterUsername("admin")
                .masterUserPassword("correct-horse-9"));
        rds.createDBClusterSnapshot(r -> r.dbClusterIdentifier("ledger").dbClusterSnapshotIdentifier("ledger-copy"));
        SecretsManagerClient secrets = moto.client(SecretsManagerClient.builder(), REGION);
        secrets.createSecret(r -> r.name("db/password").secretString("not-stored"));
        EksClient eks = moto.client(EksClient.builder(), REGION);
        eks.createCluster(r -> r.name("prod").roleArn("arn:aws:iam::" + Moto.ACCOUNT_ID + ":role/eks")
                .resourcesVpcConfig(v -> v.subnetIds(subnets)));
        EcrClient ecr = moto.client(EcrClient.builder(), REGION);
        ecr.createRepository(r -> r.repositoryName("api"));
        EfsClient efs = moto.client(EfsClient.builder(), REGION);
        efs.createFileSystem(r -> r.creationToken("home").encrypted(true));
    }
}
