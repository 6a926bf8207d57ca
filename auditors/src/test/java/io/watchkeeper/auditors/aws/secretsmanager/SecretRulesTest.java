package io.watchkeeper.auditors.aws.secretsmanager;

import static io.watchkeeper.auditors.testing.RuleCase.fails;
import static io.watchkeeper.auditors.testing.RuleCase.passes;

import io.watchkeeper.auditors.testing.RuleCase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Secrets Manager rotation: off, too slow, configured but not happening. */
public class SecretRulesTest {

    private static String ago(int days) {
        return Instant.now().minus(Duration.ofDays(days)).toString();
    }

    public static final List<RuleCase> CASES = List.of(
            fails("aws.secretsmanager.secret/rotation-off", "{'name':'db','rotationEnabled':false}", "rotation"),
            passes("aws.secretsmanager.secret/rotation-off", "{'name':'db','rotationEnabled':true,'rotationAfterDays':30}",
                    "rotating"),
            passes("aws.secretsmanager.secret/rotation-off", "{'name':'rds!db-1','rotationEnabled':false,"
                    + "'owningService':'rds'}", "a secret a service manages"),
            fails("aws.secretsmanager.secret/rotation-interval-long", "{'name':'db','rotationEnabled':true,"
                    + "'rotationAfterDays':365}", "rotation-interval"),
            passes("aws.secretsmanager.secret/rotation-interval-long", "{'name':'db','rotationEnabled':true,"
                    + "'rotationAfterDays':90}", "90 days"),
            fails("aws.secretsmanager.secret/rotation-failing", "{'name':'db','rotationEnabled':true,'rotationAfterDays':30,"
                    + "'createdDate':'" + ago(400) + "','lastRotatedDate':'" + ago(200) + "'}", "rotation-stale"),
            passes("aws.secretsmanager.secret/rotation-failing", "{'name':'db','rotationEnabled':true,"
                    + "'rotationAfterDays':30,'createdDate':'" + ago(400) + "','lastRotatedDate':'" + ago(20) + "'}",
                    "rotated recently"),
            passes("aws.secretsmanager.secret/rotation-failing", "{'name':'db','rotationEnabled':true,"
                    + "'createdDate':'" + ago(5) + "'}", "new secret, first rotation not due"));

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void decides(RuleCase example) {
        example.run();
    }
}
