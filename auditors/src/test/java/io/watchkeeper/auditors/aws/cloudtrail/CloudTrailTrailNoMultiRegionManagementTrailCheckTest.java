package io.watchkeeper.auditors.aws.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

/** CIS AWS 3.0 3.1 decided for the account, from every trail of it. */
class CloudTrailTrailNoMultiRegionManagementTrailCheckTest {

    private final CloudTrailTrailNoMultiRegionManagementTrailCheck check = new CloudTrailTrailNoMultiRegionManagementTrailCheck();

    static CloudTrailTrailConfig trail(String name, String fields) {
        return Configs.parse(CloudTrailTrailConfig.class, "{'name':'" + name + "','trailArn':'arn:aws:cloudtrail:us-east-1:"
                + TestContext.OWNER + ":trail/" + name + "','homeRegion':'us-east-1','isMultiRegionTrail':true,'isLogging':true"
                + (fields.isEmpty() ? "" : "," + fields) + "}");
    }

    /** A context whose account has these trails (as the engine's context: every trail, the audited one too). */
    static TestContext account(CloudTrailTrailConfig... trails) {
        TestContext context = new TestContext();
        for (CloudTrailTrailConfig t : trails) {
            context.with("aws.cloudtrail.trail", "us-east-1", t.name(), t);
        }
        return context;
    }

    @Test
    void aSingleRegionTrailNextToAGoodMultiRegionTrailFailsNothing() {
        CloudTrailTrailConfig single = trail("a-regional", "'isMultiRegionTrail':false");
        CloudTrailTrailConfig good = trail("b-main", "");
        TestContext context = account(single, good);
        assertThat(check.evaluate(single, context)).isEmpty();
        assertThat(check.evaluate(good, context)).isEmpty();
        assertThat(new CloudTrailTrailNotMultiRegionCheck().evaluate(single, context))
                .as("the regional trail is a choice when another trail covers every region").isEmpty();
    }

    @Test
    void anAccountWithOnlyASingleRegionTrailFailsOnceOnItsFirstTrail() {
        CloudTrailTrailConfig single = trail("a-regional", "'isMultiRegionTrail':false");
        CloudTrailTrailConfig stopped = trail("b-stopped", "'isLogging':false");
        TestContext context = account(single, stopped);
        var evidence = check.evaluate(single, context);
        assertThat(evidence).extracting(Evidence::key).containsExactly("account");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNAL);
        assertThat(evidence.getFirst().details().get("trails").toString()).contains("a-regional", "b-stopped");
        assertThat(check.evaluate(stopped, context)).as("one misconfiguration, one finding").isEmpty();
        assertThat(check.evaluate(trail("only", "'isMultiRegionTrail':false"), new TestContext()))
                .as("the audited trail counts even when the context holds none").hasSize(1);
    }

    @Test
    void managementEventsMustBeLoggedForReadsAndWrites() {
        String readOnly = "'eventSelectors':[{'readWriteType':'ReadOnly','includeManagementEvents':true}]";
        String noManagement = "'eventSelectors':[{'readWriteType':'All','includeManagementEvents':false}]";
        String both = "'eventSelectors':[{'readWriteType':'ReadOnly','includeManagementEvents':true},"
                + "{'readWriteType':'WriteOnly','includeManagementEvents':true}]";
        for (String fields : new String[] {readOnly, noManagement}) {
            CloudTrailTrailConfig t = trail("main", fields);
            assertThat(check.evaluate(t, account(t))).as(fields).hasSize(1);
        }
        for (String fields : new String[] {both, "'eventSelectors':[{'readWriteType':'All','includeManagementEvents':true}]",
                "'eventSelectors':[]", "'advancedEventSelectors':['Management events selector']"}) {
            CloudTrailTrailConfig t = trail("main", fields);
            assertThat(check.evaluate(t, account(t))).as(fields).isEmpty();
        }
    }

    @Test
    void onlyTheAccountLevelCheckCarriesCis31() {
        assertThat(check.controls()).containsExactly("CIS-AWS-3.0:3.1");
        assertThat(check.dependsOn()).extracting(Object::toString).containsExactly("aws.cloudtrail.trail");
        assertThat(new CloudTrailTrailNotMultiRegionCheck().controls()).isEmpty();
        assertThat(new CloudTrailTrailNotLoggingCheck().controls()).isEmpty();
    }
}
