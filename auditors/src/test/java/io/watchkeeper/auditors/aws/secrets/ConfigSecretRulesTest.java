package io.watchkeeper.auditors.aws.secrets;

import static io.watchkeeper.auditors.testing.RuleCase.fails;
import static io.watchkeeper.auditors.testing.RuleCase.passes;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.RuleCase;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.secrets.ConfigSecrets;
import io.watchkeeper.core.secrets.FoundSecret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Secrets in EC2 user data and Lambda environments, from what the watchers stored (masked, hashed). */
public class ConfigSecretRulesTest {

    private static final String USER_DATA = "aws.ec2.instance/secrets-in-user-data";
    private static final String LAMBDA = "aws.lambda.function/secrets-in-environment";
    private static final String HASH = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String SECRET = "{'location':'userData:3','ruleId':'github-pat','title':'GitHub personal access"
            + " token','masked':'ghp…x9 (40 chars)','hash':'" + HASH + "'}";
    private static final String ENV_SECRET = "{'location':'STRIPE_KEY','ruleId':'stripe-live-secret-key','title':"
            + "'Stripe live secret key','masked':'sk_l…Qz (40 chars)','hash':'" + HASH + "'}";

    public static final List<RuleCase> CASES = List.of(
            fails(USER_DATA, "{'instanceId':'i-1','hasPublicIp':false,'userDataSecrets':[" + SECRET + "]}",
                    "secret:userData:3:github-pat:0123456789abcdef"),
            passes(USER_DATA, "{'instanceId':'i-1','hasPublicIp':false,'userDataSecrets':[]}", "no secret in the user data"),
            passes(USER_DATA, "{'instanceId':'i-1','hasPublicIp':false}", "user data not read (stored before it was scanned)"),
            fails(LAMBDA, "{'functionName':'pay','environmentVariableNames':['STRIPE_KEY'],'environmentSecrets':["
                    + ENV_SECRET + "]}", "secret:STRIPE_KEY:stripe-live-secret-key:0123456789abcdef"),
            passes(LAMBDA, "{'functionName':'pay','environmentVariableNames':['STRIPE_KEY'],'environmentSecrets':[]}",
                    "the variable holds a placeholder or a reference"));

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void decides(RuleCase example) {
        example.run();
    }

    @Test
    void theEvidenceShowsTheMaskedFormAndNeverTheSecret() {
        String token = "sk_live_" + "Zq81LmX0pa7Rt2Vw9YcB4nK6dS3fH5jQ";
        List<FoundSecret> found = ConfigSecrets.scanEnvironment(Map.of("STRIPE_KEY", token));
        assertThat(found).hasSize(1);
        var evidence = ConfigSecretRules.evidence("Function pay variable", found);
        assertThat(evidence).singleElement().satisfies(e -> {
            assertThat(e.message()).startsWith("Function pay variable STRIPE_KEY holds a ").doesNotContain(token.substring(4));
            assertThat(Json.write(e.details())).doesNotContain(token.substring(4)).contains(found.getFirst().hash());
        });
    }
}
