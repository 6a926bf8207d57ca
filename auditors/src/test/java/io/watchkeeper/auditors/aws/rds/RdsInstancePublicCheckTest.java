package io.watchkeeper.auditors.aws.rds;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.RdsInstanceConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class RdsInstancePublicCheckTest {

    private final RdsInstancePublicCheck check = new RdsInstancePublicCheck();

    private static RdsInstanceConfig db(boolean publiclyAccessible) {
        return Configs.parse(RdsInstanceConfig.class, "{'dbInstanceIdentifier':'db','engine':'postgres','publiclyAccessible':"
                + publiclyAccessible + ",'vpcSecurityGroupIds':['sg-db'],'endpointPort':5432}");
    }

    private static SecurityGroupConfig group(String id, String protocol, int from, int to, String cidr) {
        return Configs.parse(SecurityGroupConfig.class, "{'groupId':'" + id + "','groupName':'g','ingress':[{'protocol':'"
                + protocol + "','fromPort':" + from + ",'toPort':" + to + ",'sourceType':'cidr4','source':'" + cidr + "'}]}");
    }

    @Test
    void publicWithAGroupOpenToTheWorldIsInternetExposed() {
        var context = new TestContext().with("aws.ec2.security-group", "us-east-1", "db", group("sg-db", "tcp", 5432, 5432, "0.0.0.0/0"));
        var evidence = check.evaluate(db(true), context);
        assertThat(evidence).extracting(Evidence::key).containsExactly("public");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNET);
        assertThat(evidence.getFirst().details().get("openedBy").get(0).asString()).isEqualTo("sg-db tcp:5432-5432:0.0.0.0/0");
    }

    @Test
    void publicButNoGroupAllowsTheInternetIsInternal() {
        var context = new TestContext()
                .with("aws.ec2.security-group", "us-east-1", "db", group("sg-db", "tcp", 5432, 5432, "10.0.0.0/8"))
                .with("aws.ec2.security-group", "us-east-1", "db2", group("sg-db", "tcp", 443, 443, "0.0.0.0/0"))
                .with("aws.ec2.security-group", "us-east-1", "other", group("sg-other", "tcp", 5432, 5432, "0.0.0.0/0"))
                .with("aws.ec2.security-group", "eu-west-1", "same-id", group("sg-db", "-1", 0, 0, "0.0.0.0/0"));
        var evidence = check.evaluate(db(true), context);
        assertThat(evidence).extracting(Evidence::key).containsExactly("public");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNAL);
    }

    @Test
    void notPubliclyAccessibleIsFine() {
        var context = new TestContext().with("aws.ec2.security-group", "us-east-1", "db", group("sg-db", "tcp", 5432, 5432, "0.0.0.0/0"));
        assertThat(check.evaluate(db(false), context)).isEmpty();
        assertThat(check.evaluate(Configs.parse(RdsInstanceConfig.class, "{}"), context)).isEmpty();
        assertThat(check.evaluate(Configs.parse(RdsInstanceConfig.class, "{'publiclyAccessible':true}"), context))
                .singleElement().extracting(Evidence::exposure).isEqualTo(Exposure.INTERNAL);
    }
}
