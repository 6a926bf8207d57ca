package io.watchkeeper.auditors.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.PolicyDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the policy evaluator over generated policies built from the shapes real policies
 * use (principals, wildcard actions and resources, pinning and non-pinning conditions, Deny with
 * NotPrincipal): a Deny or an extra condition never widens what a statement grants, statement order
 * never matters, and nothing throws.
 */
class PolicyEvaluatorProperties {

    private static final TestContext CONTEXT = new TestContext();

    private static final List<String> PRINCIPALS = List.of("'*'", "{'AWS':'*'}", "{'AWS':'arn:aws:iam::" + TestContext.OWNER
            + ":root'}", "{'AWS':'" + TestContext.UNKNOWN + "'}", "{'AWS':'arn:aws:iam::" + TestContext.FRIENDLY + ":role/x'}",
            "{'AWS':['" + TestContext.THIRD_PARTY + "','arn:aws:iam::" + TestContext.UNKNOWN + ":user/u']}",
            "{'Service':'sns.amazonaws.com'}", "{'CanonicalUser':'abc'}");
    private static final List<String> ACTIONS = List.of("'*'", "'s3:*'", "'s3:GetObject'", "'s3:Get*'", "['s3:PutObject','s3:GetObject']",
            "'s?:GetObject'", "'sqs:*'");
    private static final List<String> RESOURCES = List.of("'*'", "'arn:aws:s3:::b/*'", "'arn:aws:s3:::b'", "['arn:aws:s3:::b','arn:aws:s3:::b/*']");
    private static final List<String> CLAUSES = List.of(
            "'StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}",
            "'StringNotEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}",
            "'StringLike':{'aws:PrincipalOrgID':'o-*'}",
            "'StringEquals':{'aws:SourceAccount':['" + TestContext.UNKNOWN + "','" + TestContext.FRIENDLY + "']}",
            "'ArnLike':{'aws:SourceArn':'arn:aws:sns:*:*:t'}",
            "'ArnNotLike':{'aws:PrincipalArn':'arn:aws:iam::" + TestContext.OWNER + ":role/*'}",
            "'IpAddress':{'aws:SourceIp':['0.0.0.0/1','128.0.0.0/1']}",
            "'NotIpAddress':{'aws:SourceIp':'" + TestContext.OFFICE + "'}",
            "'StringEqualsIfExists':{'aws:SourceVpce':'vpce-0a1b2c3d'}",
            "'StringNotEqualsIfExists':{'aws:SourceVpce':'vpce-0a1b2c3d'}",
            "'Bool':{'aws:SecureTransport':'false'}",
            "'Bool':{'aws:PrincipalIsAWSService':'false'}",
            "'Null':{'aws:PrincipalOrgID':'true'}",
            "'ForAllValues:StringNotEquals':{'aws:PrincipalOrgPaths':['o-a1b2c3d4e5/*']}",
            "'ForAnyValue:StringLike':{'aws:PrincipalOrgPaths':['o-a1b2c3d4e5/*']}");

    /** One statement as JSON (single quotes), without its Sid. */
    record Shape(boolean allow, boolean notPrincipal, String principal, boolean notAction, String action, boolean notResource,
                 String resource, List<String> clauses) {

        String json(String sid) {
            StringBuilder b = new StringBuilder("{'Sid':'" + sid + "','Effect':'" + (allow ? "Allow" : "Deny") + "','");
            b.append(notPrincipal ? "NotPrincipal" : "Principal").append("':").append(principal);
            b.append(",'").append(notAction ? "NotAction" : "Action").append("':").append(action);
            b.append(",'").append(notResource ? "NotResource" : "Resource").append("':").append(resource);
            if (!clauses.isEmpty()) {
                Map<String, String> byOperator = new TreeMap<>();
                for (String c : clauses) {
                    byOperator.putIfAbsent(c.substring(0, c.indexOf("':")), c); // one clause per operator keeps JSON valid
                }
                b.append(",'Condition':{").append(String.join(",", byOperator.values())).append("}");
            }
            return b.append("}").toString();
        }

        /** The statement with one more clause (unchanged when its operator is taken: one clause per operator). */
        Shape withClause(String clause) {
            String operator = clause.substring(0, clause.indexOf("':"));
            if (clauses.stream().anyMatch(c -> c.startsWith(operator + "'"))) {
                return this;
            }
            List<String> more = new ArrayList<>(clauses);
            more.add(0, clause);
            return new Shape(allow, notPrincipal, principal, notAction, action, notResource, resource, more);
        }
    }

    @Provide
    Arbitrary<Shape> statements() {
        return Combinators.combine(Arbitraries.of(true, true, false), Arbitraries.of(false, false, false, true),
                        Arbitraries.of(PRINCIPALS), Arbitraries.of(false, false, true), Arbitraries.of(ACTIONS),
                        Arbitraries.of(false, false, false, true), Arbitraries.of(RESOURCES),
                        Arbitraries.of(CLAUSES).list().ofMaxSize(3))
                .as(Shape::new);
    }

    @Provide
    Arbitrary<List<Shape>> policies() {
        return statements().list().ofMinSize(1).ofMaxSize(5);
    }

    private static List<PolicyEvaluator.Grant> grants(List<Shape> shapes) {
        List<String> json = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            json.add(shapes.get(i).json("s" + i));
        }
        return grantsOf(json);
    }

    private static List<PolicyEvaluator.Grant> grantsOf(List<String> statements) {
        PolicyDocument doc = PolicyDocument.parse(("{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}")
                .replace('\'', '"'));
        Policies.Parsed parsed = Policies.parse(doc);
        assertThat(parsed.ok()).as(parsed.problem()).isTrue();
        return PolicyEvaluator.grants(parsed.statements(), CONTEXT);
    }

    /** The widest class each statement grants (by Sid); absent when it grants nothing outside the account. */
    private static Map<String, EntityClass> widest(List<PolicyEvaluator.Grant> grants) {
        Map<String, EntityClass> out = new TreeMap<>();
        for (PolicyEvaluator.Grant g : grants) {
            out.merge(g.statement().sid(), g.entity(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        return out;
    }

    @Property(tries = 400)
    void aDenyNeverWidensAnyGrant(@ForAll("policies") List<Shape> policy, @ForAll("statements") Shape deny) {
        Shape d = new Shape(false, deny.notPrincipal(), deny.principal(), deny.notAction(), deny.action(), deny.notResource(),
                deny.resource(), deny.clauses());
        Map<String, EntityClass> before = widest(grants(policy));
        List<Shape> more = new ArrayList<>(policy);
        more.add(d);
        Map<String, EntityClass> after = widest(grants(more));
        assertThat(before.keySet()).containsAll(after.keySet());
        after.forEach((sid, entity) -> assertThat(entity).as(sid).isLessThanOrEqualTo(before.get(sid)));
    }

    @Property(tries = 400)
    void aConditionNeverWidensItsStatement(@ForAll("policies") List<Shape> policy, @ForAll("clause") String clause) {
        Map<String, EntityClass> before = widest(grants(policy));
        List<Shape> narrowed = policy.stream().map(s -> s.allow() ? s.withClause(clause) : s).toList();
        Map<String, EntityClass> after = widest(grants(narrowed));
        assertThat(before.keySet()).containsAll(after.keySet());
        after.forEach((sid, entity) -> assertThat(entity).as(sid).isLessThanOrEqualTo(before.get(sid)));
    }

    @Provide
    Arbitrary<String> clause() {
        return Arbitraries.of(CLAUSES);
    }

    @Property(tries = 300)
    void statementOrderDoesNotMatter(@ForAll("policies") List<Shape> policy, @ForAll long seed) {
        List<String> json = new ArrayList<>();
        for (int i = 0; i < policy.size(); i++) {
            json.add(policy.get(i).json("s" + i));
        }
        List<String> shuffled = new ArrayList<>(json);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(summary(grantsOf(shuffled))).isEqualTo(summary(grantsOf(json)));
    }

    private static List<String> summary(List<PolicyEvaluator.Grant> grants) {
        return grants.stream().map(g -> g.statement().sid() + "|" + g.principal() + "|" + g.entity() + "|" + g.reach() + "|"
                + g.actions().stream().sorted().toList()).sorted(Comparator.naturalOrder()).toList();
    }

    @Property(tries = 300)
    void neverThrowsOnOddDocuments(@ForAll("garbage") String text) {
        PolicyDocument doc = PolicyDocument.parse(text);
        Policies.Parsed parsed = Policies.parse(doc);
        assertThat(PolicyEvaluator.grants(parsed.statements(), CONTEXT)).isNotNull();
        if (doc.parsed()) {
            assertThat(WebIdentityTrust.unpinned(parsed.statements())).isNotNull();
        }
    }

    @Provide
    Arbitrary<String> garbage() {
        Arbitrary<String> value = Arbitraries.of("'*'", "1", "true", "null", "[]", "{}", "['*',1]", "{'AWS':[1,{}]}",
                "'arn:aws:iam::*:*'", "{'StringLike':{'aws:PrincipalArn':[null,'*']}}", "{'Bool':[]}", "'" + "a".repeat(600) + "'");
        Arbitrary<String> key = Arbitraries.of("Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource",
                "NotResource", "Condition", "Sid");
        Arbitrary<String> statement = Combinators.combine(key, value).as((k, v) -> "'" + k + "':" + v).list().ofMaxSize(6)
                .map(fields -> "{'Effect':'Allow'," + String.join(",", fields) + "}");
        return statement.list().ofMaxSize(4).map(s -> ("{'Statement':[" + String.join(",", s) + "]}").replace('\'', '"'));
    }

    @Property(tries = 50)
    void conditionReaderReadsEveryScalarShape(@ForAll("clause") String clause) {
        var conditions = Condition.of(Json.parse(("{" + clause + "}").replace('\'', '"')));
        assertThat(conditions).isNotEmpty().allSatisfy(c -> assertThat(c.values()).isNotEmpty());
    }
}
