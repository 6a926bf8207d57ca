package io.watchkeeper.auditors.aws.secrets;

import static io.watchkeeper.auditors.rules.Facts.details;
import static io.watchkeeper.auditors.rules.Facts.list;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.rules.Facts;
import io.watchkeeper.auditors.rules.RuleCheck;
import io.watchkeeper.core.config.aws.Ec2InstanceConfig;
import io.watchkeeper.core.config.aws.LambdaFunctionConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.secrets.FoundSecret;
import java.util.List;

/**
 * Provider secrets in EC2 user data and Lambda environment variables (Prowler's
 * ec2_instance_secrets_user_data and awslambda_function_no_secrets_in_variables). The watchers scan
 * the values with the code scanner's provider rules and store only a masked form and a keyed hash;
 * the evidence carries those, never the secret. One finding per secret (variable or line, rule, hash),
 * so rotating a secret closes its finding and opens one for the new value.
 */
@AutoService(CheckSet.class)
public final class ConfigSecretRules implements CheckSet {

    @Override
    public List<Check<?>> checks() {
        return List.of(
                RuleCheck.of("aws.ec2.instance/secrets-in-user-data", Ec2InstanceConfig.class, Severity.HIGH)
                        .title("EC2 user data holds a secret")
                        .why("User data is readable by anyone with ec2:DescribeInstanceAttribute and by every process on"
                                + " the instance through the metadata service, and it is copied into AMIs and launch"
                                + " templates; a key in it is as good as published.")
                        .fix("Rotate the secret now, then read it at boot from Secrets Manager or SSM Parameter Store"
                                + " with the instance role, and replace the user data.")
                        .evaluate((i, ctx) -> evidence("Instance " + i.instanceId() + " user data", i.userDataSecrets())),
                RuleCheck.of("aws.lambda.function/secrets-in-environment", LambdaFunctionConfig.class, Severity.HIGH)
                        .title("Lambda environment variable holds a secret")
                        .why("Environment values are shown in clear to anyone with lambda:GetFunctionConfiguration (the"
                                + " console, ReadOnlyAccess) and end up in deployment templates and logs.")
                        .fix("Rotate the secret now, then store it in Secrets Manager (or SSM SecureString) and read it"
                                + " at start with the function's role.")
                        .evaluate((f, ctx) -> evidence("Function " + f.functionName() + " variable",
                                f.environmentSecrets())));
    }

    static List<Evidence> evidence(String where, List<FoundSecret> found) {
        return list(found).stream().filter(f -> f != null && f.ruleId() != null)
                .map(f -> Evidence.of(Facts.key("secret:" + f.location() + ":" + f.ruleId() + ":"
                                + (f.hash() == null ? "" : f.hash().substring(0, Math.min(16, f.hash().length())))),
                        Facts.line(where + " " + f.location() + " holds a " + f.title() + " (" + f.masked() + ")"),
                        Exposure.INTERNAL, details("location", f.location(), "rule", f.ruleId(), "masked", f.masked(),
                                "secretHash", f.hash())))
                .toList();
    }
}
