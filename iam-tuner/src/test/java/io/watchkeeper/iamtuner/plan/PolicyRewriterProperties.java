package io.watchkeeper.iamtuner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import io.watchkeeper.iamtuner.policy.Policy;
import io.watchkeeper.iamtuner.policy.PolicyEvaluator;
import io.watchkeeper.iamtuner.policy.Proof;
import io.watchkeeper.iamtuner.policy.ProofChecker;
import io.watchkeeper.iamtuner.policy.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;

/**
 * Properties of the rewriter over random policies with Allow and Deny, Action and NotAction,
 * wildcards, unknown actions, resources, NotResource, conditions, NOREPO statements and boundaries:
 * the result never grants anything new (proof), keeps every action not removed exactly as it was,
 * grants none of the removed ones (outside NOREPO statements), and leaves Deny statements, resources and
 * conditions as written — with and without wildcard re-compression.
 */
class PolicyRewriterProperties {

    private static final ActionCatalog CATALOG = ActionCatalog.bundled();
    private static final PolicyRewriter REWRITER = new PolicyRewriter(CATALOG);
    private static final ProofChecker PROVER = new ProofChecker(CATALOG);
    private static final List<String> PATTERNS = List.of("s3:*", "s3:Get*", "s3:GetObject", "s3:PutObject", "s3:List*",
            "s3:GetObject*", "s3:DeleteObject", "ec2:Describe*", "ec2:RunInstances", "ec2:*", "iam:PassRole", "iam:Get*",
            "iam:*", "sqs:SendMessage", "sqs:*", "*", "newsvc:DoThing", "s3:*Acl", "ec2:?escribeInstances");
    private static final List<String> RESOURCES = List.of("*", "arn:aws:s3:::bucket-a/*", "arn:aws:s3:::bucket-a",
            "arn:aws:ec2:*:*:instance/*", "arn:aws:iam::123456789012:role/app-*", "arn:aws:sqs:us-east-1:123456789012:q");
    private static final List<String> CONDITIONS = List.of("", "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}",
            "{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}");
    private static final List<String> SERVICES = List.of("s3", "ec2", "iam", "sqs");
    /** Outside the catalogue: a used action of an unknown service must stay wherever it was granted. */
    private static final Set<String> EXTRA = Set.of("newsvc:DoThing");

    @Provide
    Arbitrary<String> statement() {
        Arbitrary<List<String>> actions = Arbitraries.of(PATTERNS).list().ofMinSize(1).ofMaxSize(4).uniqueElements();
        Arbitrary<List<String>> resources = Arbitraries.of(RESOURCES).list().ofMinSize(1).ofMaxSize(2).uniqueElements();
        return Combinators.combine(Arbitraries.integers().between(0, 9), actions, Arbitraries.integers().between(0, 4),
                resources, Arbitraries.of(CONDITIONS), Arbitraries.integers().between(0, 19)).as(
                (effect, acts, kind, res, cond, sid) -> {
                    StringBuilder s = new StringBuilder("{");
                    if (sid == 0) {
                        s.append("\"Sid\":\"NOREPOkeep\",");
                    } else if (sid < 5) {
                        s.append("\"Sid\":\"S").append(sid).append("\",");
                    }
                    s.append("\"Effect\":\"").append(effect < 7 ? "Allow" : "Deny").append("\",");
                    s.append(kind == 0 ? "\"NotAction\":" : "\"Action\":").append(Json.write(acts)).append(',');
                    s.append(kind == 1 ? "\"NotResource\":" : "\"Resource\":").append(Json.write(res));
                    if (!cond.isEmpty()) {
                        s.append(",\"Condition\":").append(cond);
                    }
                    return s.append('}').toString();
                });
    }

    @Provide
    Arbitrary<Tuple.Tuple3<Policy, BitSet, Policy>> cases() {
        Arbitrary<Policy> policy = statement().list().ofMinSize(1).ofMaxSize(5)
                .map(l -> Policy.parse("p", "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", l) + "]}"));
        Arbitrary<BitSet> remove = Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(0).ofMaxSize(60).map(picks -> {
            BitSet set = new BitSet();
            for (int i = 0; i < picks.size(); i++) {
                int[] r = CATALOG.range(SERVICES.get(i % SERVICES.size()));
                set.set(r[0] + picks.get(i) % (r[1] - r[0]));
            }
            if (!picks.isEmpty() && picks.getFirst() % 3 == 0) {
                int[] r = CATALOG.range("s3");
                set.set(r[0], r[1]); // sometimes a whole service
            }
            return set;
        });
        Arbitrary<Policy> boundary = Arbitraries.of("", "{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"sqs:*\"],\"Resource\":\"*\"}",
                "{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}")
                .map(b -> b.isEmpty() ? null : Policy.parse("boundary", "{\"Statement\":[" + b + "]}"));
        return Combinators.combine(policy, remove, boundary).as(Tuple::of);
    }

    private static List<Policy> after(Policy before, PolicyRewriter.Result r) {
        return r.text() == null ? List.of() : List.of(Policy.parse(before.name(), r.text()));
    }

    /** Uncompressed rewrites of a NotAction can list ~20,000 actions: the planner never keeps those (size limits). */
    private static boolean oversized(PolicyRewriter.Result r) {
        return r.text() != null && r.text().length() > Policy.MAX_TEXT;
    }

    /** Catalogue actions of the services in play that the rewrite must keep exactly. */
    private static Set<String> kept(BitSet remove) {
        Set<String> out = new TreeSet<>();
        for (String svc : SERVICES) {
            int[] r = CATALOG.range(svc);
            for (int i = r[0]; i < r[1]; i += 7) {
                if (!remove.get(i)) {
                    out.add(CATALOG.action(i).qualified());
                }
            }
        }
        out.add("newsvc:DoThing");
        return out;
    }

    @Property(tries = 120, shrinking = ShrinkingMode.OFF)
    void rewritesGrantNothingNewAndKeepEverythingNotRemoved(@ForAll("cases") Tuple.Tuple3<Policy, BitSet, Policy> c) {
        for (boolean compress : new boolean[] {false, true}) {
            PolicyRewriter.Result r = REWRITER.rewrite(c.get1(), c.get2(), compress, EXTRA);
            if (oversized(r)) {
                assertThat(compress).as("compressed rewrites stay small").isFalse();
                continue;
            }
            Proof proof = PROVER.prove(List.of(c.get1()), after(c.get1(), r), c.get3(), kept(c.get2()));
            assertThat(proof.holds()).as("compress=" + compress + "\n" + cut(c.get1().text()) + "\n->\n" + cut(r.text())
                    + "\n" + proof.summary()).isTrue();
        }
    }

    @Property(tries = 120, shrinking = ShrinkingMode.OFF)
    void removedActionsAreGoneOutsideNoRepoStatements(@ForAll("cases") Tuple.Tuple3<Policy, BitSet, Policy> c) {
        PolicyRewriter.Result r = REWRITER.rewrite(c.get1(), c.get2(), true, EXTRA);
        for (Policy p : after(c.get1(), r)) {
            for (Statement s : p.statements()) {
                if (!s.allow() || s.noRepo()) {
                    continue;
                }
                c.get2().stream().limit(40).forEach(id -> assertThat(s.matchesAction(CATALOG.action(id).qualified()))
                        .as(CATALOG.action(id).qualified() + " still granted by " + s.node()).isFalse());
            }
        }
    }

    @Property(tries = 120, shrinking = ShrinkingMode.OFF)
    void denyStatementsResourcesAndConditionsAreKeptAsWritten(@ForAll("cases") Tuple.Tuple3<Policy, BitSet, Policy> c) {
        PolicyRewriter.Result r = REWRITER.rewrite(c.get1(), c.get2(), false, EXTRA);
        if (oversized(r)) {
            r = REWRITER.rewrite(c.get1(), c.get2(), true, EXTRA);
        }
        if (!r.changed()) {
            assertThat(r.text()).isEqualTo(c.get1().text());
            return;
        }
        List<JsonNode> afterNodes = new ArrayList<>();
        after(c.get1(), r).forEach(p -> p.statements().forEach(s -> afterNodes.add(s.node())));
        for (Statement s : c.get1().statements()) {
            if (!s.allow() || s.noRepo()) {
                assertThat(afterNodes).as("kept as written: " + s.node()).contains(s.node());
            }
        }
        for (JsonNode n : afterNodes) {
            boolean fromOld = c.get1().statements().stream().anyMatch(s -> same(s.node(), n, "Resource")
                    && same(s.node(), n, "NotResource") && same(s.node(), n, "Condition") && same(s.node(), n, "Sid")
                    && same(s.node(), n, "Effect"));
            assertThat(fromOld).as("every statement keeps an old statement's resources and condition: " + n).isTrue();
        }
    }

    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    void theBulkProofAgreesWithTheRequestEvaluator(@ForAll("cases") Tuple.Tuple3<Policy, BitSet, Policy> c) {
        PolicyRewriter.Result r = REWRITER.rewrite(c.get1(), c.get2(), true, EXTRA);
        List<Policy> after = after(c.get1(), r);
        c.get2().stream().limit(25).forEach(id -> {
            String action = CATALOG.action(id).qualified();
            for (String resource : RESOURCES) {
                assertThat(PolicyEvaluator.evaluate(after, c.get3(), action, resource)
                        .within(PolicyEvaluator.evaluate(List.of(c.get1()), c.get3(), action, resource))).isTrue();
            }
        });
    }

    private static String cut(String s) {
        return s == null || s.length() < 1500 ? s : s.substring(0, 1500) + "…";
    }

    private static boolean same(JsonNode a, JsonNode b, String field) {
        return java.util.Objects.equals(a.get(field), b.get(field));
    }
}
