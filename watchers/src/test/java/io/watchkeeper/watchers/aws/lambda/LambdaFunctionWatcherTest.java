package io.watchkeeper.watchers.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.LambdaFunctionConfig;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;

class LambdaFunctionWatcherTest extends AwsWatcherTestSupport {

    private static final String SECRET = "hunter2-never-stored";
    private static final String OTHER_VALUE = "production-mode-value";

    private final LambdaFunctionWatcher watcher = new LambdaFunctionWatcher();
    private String role;
    private SdkBytes code;

    @BeforeEach
    void seedRoleAndCode() throws IOException {
        IamClient iam = moto.client(IamClient.builder());
        role = iam.createRole(r -> r.roleName("lambda-exec").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("index.py"));
            zip.write("def handler(event, context):\n    return 1\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        code = SdkBytes.fromByteArray(bytes.toByteArray());
    }

    @Test
    void readsAPublicFunctionUrlAndPolicyButOnlyTheNamesOfEnvironmentVariables() {
        LambdaClient lambda = moto.client(LambdaClient.builder(), "eu-west-1");
        String layer = lambda.publishLayerVersion(r -> r.layerName("shared").content(c -> c.zipFile(code))).layerVersionArn();
        CreateFunctionResponse created = lambda.createFunction(r -> r.functionName("api").runtime("python3.12")
                .handler("index.handler").role(role).code(c -> c.zipFile(code)).timeout(30).memorySize(256)
                .environment(e -> e.variables(Map.of("DB_PASSWORD", SECRET, "MODE", OTHER_VALUE)))
                .tracingConfig(t -> t.mode("Active")).layers(layer)
                .vpcConfig(v -> v.subnetIds("subnet-bbb", "subnet-aaa").securityGroupIds("sg-222", "sg-111"))
                .tags(Map.of("team", "web")));
        lambda.addPermission(r -> r.functionName("api").statementId("public-url").action("lambda:InvokeFunctionUrl")
                .principal("*").functionUrlAuthType(FunctionUrlAuthType.NONE));
        lambda.createFunctionUrlConfig(r -> r.functionName("api").authType(FunctionUrlAuthType.NONE)
                .cors(c -> c.allowOrigins("https://b.example", "https://a.example")));

        Map<String, Observation.Observed<LambdaFunctionConfig>> seen = observed("eu-west-1");
        assertThat(seen).containsOnlyKeys("api");
        Observation.Observed<LambdaFunctionConfig> o = seen.get("api");
        String arn = "arn:aws:lambda:eu-west-1:" + Moto.ACCOUNT_ID + ":function:api";
        assertThat(o.resourceId()).isEqualTo(arn);
        LambdaFunctionConfig c = o.config();
        assertThat(c.functionName()).isEqualTo("api");
        assertThat(c.functionArn()).isEqualTo(arn);
        assertThat(c.runtime()).isEqualTo("python3.12");
        assertThat(c.handler()).isEqualTo("index.handler");
        assertThat(c.role()).isEqualTo(role);
        assertThat(c.packageType()).isEqualTo("Zip");
        assertThat(c.timeout()).isEqualTo(30);
        assertThat(c.memorySize()).isEqualTo(256);
        assertThat(c.environmentVariableNames()).containsExactly("DB_PASSWORD", "MODE");
        assertThat(c.vpc().subnetIds()).containsExactly("subnet-aaa", "subnet-bbb");
        assertThat(c.vpc().securityGroupIds()).containsExactly("sg-111", "sg-222");
        assertThat(c.tracingMode()).isEqualTo("Active");
        assertThat(c.layerArns()).containsExactly(layer);
        assertThat(c.codeSha256()).isEqualTo(created.codeSha256());
        assertThat(c.lastModified()).isEqualTo(created.lastModified());
        assertThat(c.policy().json().at("/Statement/0/Principal").asString()).isEqualTo("*");
        assertThat(c.policy().json().at("/Statement/0/Action").asString()).isEqualTo("lambda:InvokeFunctionUrl");
        assertThat(c.functionUrl().authType()).isEqualTo("NONE");
        assertThat(c.functionUrl().url()).startsWith("https://");
        assertThat(c.functionUrl().corsAllowOrigins()).containsExactly("https://a.example", "https://b.example");
        assertThat(c.tags()).isEqualTo(Map.of("team", "web"));
        // The stored canonical JSON reads back into the same record.
        assertThat(Json.read(CanonicalJson.of(c).fullText(), LambdaFunctionConfig.class)).isEqualTo(c);

        String stored = Json.write(c);
        assertThat(stored).contains("DB_PASSWORD").doesNotContain(SECRET).doesNotContain(OTHER_VALUE);
    }

    @Test
    void aProviderKeyInAnEnvironmentValueIsKeptMaskedAndHashedNeverInClear() {
        LambdaClient lambda = moto.client(LambdaClient.builder(), "eu-west-1");
        String stripe = "sk_live_" + "Zq81LmX0pa7Rt2Vw9YcB4nK6dS3fH5jQ";
        lambda.createFunction(r -> r.functionName("pay").runtime("python3.12").handler("index.handler").role(role)
                .code(c -> c.zipFile(code)).environment(e -> e.variables(Map.of("STRIPE_KEY", stripe,
                        "DB_URL", "postgres://app:${DB_PASSWORD}@db.internal/app", "MODE", OTHER_VALUE))));

        LambdaFunctionConfig c = observed("eu-west-1").get("pay").config();
        assertThat(c.environmentSecrets()).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("STRIPE_KEY");
            assertThat(f.ruleId()).isEqualTo("stripe-live-secret-key");
            assertThat(f.hash()).hasSize(64);
        });
        String stored = CanonicalJson.of(c).fullText();
        assertThat(stored).contains("STRIPE_KEY", c.environmentSecrets().getFirst().masked())
                .doesNotContain(stripe.substring(4)).doesNotContain(OTHER_VALUE);

        // a new value of the secret changes the durable hash (a revision shows it), still without storing it
        String rotated = "sk_live_" + "Hn3Kq9Wv2Lp8Xr5Tz1Mb7Cd4Fg6Jy0Ps";
        lambda.updateFunctionConfiguration(r -> r.functionName("pay").environment(e -> e.variables(Map.of(
                "STRIPE_KEY", rotated, "DB_URL", "postgres://app:${DB_PASSWORD}@db.internal/app", "MODE", OTHER_VALUE))));
        LambdaFunctionConfig after = observed("eu-west-1").get("pay").config();
        assertThat(CanonicalJson.of(after).durableHash()).isNotEqualTo(CanonicalJson.of(c).durableHash());
        assertThat(CanonicalJson.of(after).fullText()).doesNotContain(rotated.substring(4));
    }

    @Test
    void aFunctionWithoutPolicyOrUrlHasNeither() {
        LambdaClient lambda = moto.client(LambdaClient.builder(), "eu-west-1");
        lambda.createFunction(r -> r.functionName("plain").runtime("python3.12").handler("index.handler").role(role)
                .code(c -> c.zipFile(code)));

        LambdaFunctionConfig c = observed("eu-west-1").get("plain").config();
        assertThat(c.policy()).isNull();
        assertThat(c.functionUrl()).isNull();
        assertThat(c.environmentVariableNames()).isEmpty();
        assertThat(c.vpc()).isNull();
        assertThat(c.layerArns()).isEmpty();
        assertThat(c.deadLetterTargetArn()).isNull();
        assertThat(c.tags()).isEmpty();
    }

    @Test
    void otherRegionsAreNotListed() {
        LambdaClient west = moto.client(LambdaClient.builder(), "eu-west-1");
        west.createFunction(r -> r.functionName("west-only").runtime("python3.12").handler("index.handler").role(role)
                .code(c -> c.zipFile(code)));

        assertThat(observe(watcher, "us-east-1")).isEmpty();
        assertThat(observed("eu-west-1")).containsOnlyKeys("west-only");
    }

    private Map<String, Observation.Observed<LambdaFunctionConfig>> observed(String region) {
        List<Observation<LambdaFunctionConfig>> all = observe(watcher, region);
        assertThat(all).as("unreadable functions: %s", all)
                .allMatch(o -> o instanceof Observation.Observed<LambdaFunctionConfig>);
        return all.stream().map(o -> (Observation.Observed<LambdaFunctionConfig>) o)
                .collect(java.util.stream.Collectors.toMap(Observation.Observed::name, o -> o));
    }
}
