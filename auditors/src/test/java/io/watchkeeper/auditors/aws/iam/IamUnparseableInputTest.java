package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.ALLOW_ALL;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.group;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.policy;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.role;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.trust;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.trustedBy;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.IamInlinePolicy;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.model.PolicyDocument;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Hostile or broken policy documents: the unparseable checks report them, every other IAM check
 * skips them without throwing. Also odd but parseable input (null fields, odd condition values,
 * huge Sids) must not make any IAM check throw.
 */
class IamUnparseableInputTest {

    private static final String GOD_ARN = "arn:aws:iam::" + TestContext.OWNER + ":policy/god";

    @SuppressWarnings("rawtypes")
    private static final Map<String, Check> CHECKS = CheckRegistry.discover().all().stream()
            .collect(java.util.stream.Collectors.toMap(c -> c.id().id(), c -> (Check) c));

    static Stream<Arguments> hostileDocuments() {
        String huge = "{\"Statement\":[" + String.join(",", Collections.nCopies(5_000, ALLOW_ALL.replace('\'', '"')))
                + "]}";
        return Stream.of(
                Arguments.of("invalid JSON", "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\"", "not valid JSON"),
                Arguments.of("a number as Statement", "{\"Statement\": 42}", "neither an object nor a list"),
                Arguments.of("a number as a statement", "{\"Statement\": [42]}", "statement 0 is not an object"),
                Arguments.of("an unknown operator", "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\","
                        + " \"Resource\": \"*\", \"Principal\": \"*\", \"Condition\": {\"StringEqualz\": {\"a\": \"b\"}}}]}",
                        "unknown or malformed condition operator 'StringEqualz'"),
                Arguments.of("5,000 statements", huge, "more than 1000 statements"),
                Arguments.of("an Action that is an object", "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": {\"x\": 1},"
                        + " \"Resource\": \"*\"}]}", "expected a string or a list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDocuments")
    void onlyTheUnparseableChecksReportAHostileDocument(String name, String text, String problem) {
        PolicyDocument bad = PolicyDocument.parse(text);
        List<IamInlinePolicy> badInline = List.of(new IamInlinePolicy("bad", bad));
        TestContext context = new TestContext()
                .with("aws.iam.policy", "global", "god", policy("god", bad))
                .with("aws.iam.group", "global", "admins", group("admins", badInline, List.of(GOD_ARN)))
                .with("aws.iam.role", "global", "support", role(null, List.of(),
                        List.of("arn:aws:iam::aws:policy/AWSSupportAccess")));

        assertThat(evaluate("aws.iam.policy/unparseable", policy("god", bad), context))
                .extracting(Evidence::key, e -> e.message().contains(problem)).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("unparseable", true));
        assertThat(evaluate("aws.iam.role/unparseable-policy", role(bad, badInline, List.of(GOD_ARN)), context))
                .extracting(Evidence::key).containsExactly("trust:unparseable", "policy:bad:unparseable");

        for (String id : CHECKS.keySet()) {
            if (id.endsWith("/unparseable") || id.endsWith("/unparseable-policy") || id.endsWith("/direct-policies")) {
                continue;
            }
            Object config = switch (id.substring(0, id.indexOf('/'))) {
                case "aws.iam.policy" -> policy("god", bad);
                case "aws.iam.role" -> role(bad, badInline, List.of(GOD_ARN));
                case "aws.iam.user" -> user(badInline, List.of(GOD_ARN), List.of("admins"));
                case "aws.iam.group" -> group("admins", badInline, List.of(GOD_ARN));
                default -> null;
            };
            if (config != null) {
                assertThat(evaluate(id, config, context)).as(id).isEmpty();
            }
        }
    }

    @SuppressWarnings("rawtypes")
    @Test
    void noIamCheckThrowsOnEmptyConfigs() throws ReflectiveOperationException {
        for (var entry : CHECKS.entrySet()) {
            if (entry.getKey().startsWith("aws.iam.")) {
                Object empty = empty(entry.getValue().configType());
                assertThatCode(() -> evaluate(entry.getKey(), empty, new TestContext())).as(entry.getKey())
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void oddConditionValuesInTrustPoliciesDoNotThrow() {
        var role = trustedBy(String.join(",",
                trust("Bool", "'*'", "{'StringEquals':{'aws:PrincipalOrgID':true}}"),
                trust("Obj", "'*'", "{'StringLike':{'aws:SourceAccount':{'nested':1}}}"),
                trust("Mixed", "'*'", "{'ArnLike':{'aws:PrincipalArn':['arn:aws:iam::999999999999:role/x',[1],null]}}"),
                trust("Null", "'*'", "{'ForAnyValue:StringEquals':{'aws:SourceVpce':null}}")));
        assertThatCode(() -> {
            for (String id : List.of("aws.iam.role/trust-everyone", "aws.iam.role/trust-unknown-account")) {
                evaluate(id, role, new TestContext());
            }
        }).doesNotThrowAnyException();
        assertThat(evaluate("aws.iam.role/trust-everyone", role, new TestContext()))
                .as("malformed condition values make the trust policy unparseable, reported by its own check").isEmpty();
        assertThat(evaluate("aws.iam.role/unparseable-policy", role, new TestContext())).extracting(Evidence::key)
                .singleElement().asString().contains("unparseable");
    }

    @Test
    void hugeSidsAndNamesGiveValidKeys() {
        String sid = "S".repeat(2_000);
        var evidence = evaluate("aws.iam.policy/full-admin", policy("{'Sid':'" + sid + "','Effect':'Allow','Action':'*',"
                + "'Resource':'*'},{'Sid':'" + sid + "x','Effect':'Allow','Action':'*','Resource':'*'}"), new TestContext());
        assertThat(evidence).hasSize(2).allMatch(e -> e.key().length() <= 500 && e.message().length() <= 500);
        assertThat(evidence.get(0).key()).isNotEqualTo(evidence.get(1).key());
    }

    /** A record with every component null (false, 0 for primitives), as a sparse cloud answer may give. */
    private static Object empty(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> c = components[i].getType();
            if (c == boolean.class) {
                values[i] = false;
            } else if (c == int.class) {
                values[i] = 0;
            }
        }
        return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                .toArray(Class<?>[]::new)).newInstance(values);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Evidence> evaluate(String id, Object config, TestContext context) {
        Check check = CHECKS.get(id);
        assertThat(check).as(id).isNotNull();
        return check.evaluate((Record) config, context);
    }
}
