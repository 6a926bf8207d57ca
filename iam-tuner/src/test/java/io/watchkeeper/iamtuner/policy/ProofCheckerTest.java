package io.watchkeeper.iamtuner.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProofCheckerTest {

    private final ProofChecker checker = new ProofChecker(ActionCatalog.bundled());

    static Policy p(String name, String statements) {
        return Policy.parse(name, "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}");
    }

    private Proof prove(String before, String after, Set<String> used) {
        return checker.prove(List.of(p("a", before)), List.of(p("a", after)), null, used);
    }

    @Test
    void identicalAndNarrowerPoliciesProve() {
        String all = "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}";
        assertThat(prove(all, all, Set.of("s3:GetObject")).holds()).isTrue();
        Proof narrower = prove(all, "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":\"*\"}",
                Set.of("s3:GetObject", "s3:ListBucket"));
        assertThat(narrower.holds()).as(narrower.summary()).isTrue();
        assertThat(narrower.actions()).isEqualTo(ActionCatalog.bundled().size());
        assertThat(narrower.resources()).isEqualTo(2);
    }

    @Test
    void anythingNewIsFound() {
        Proof added = prove("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}",
                "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"*\"}", Set.of());
        assertThat(added.holds()).isFalse();
        assertThat(added.newAccess()).contains("s3:PutObject on *");
        Proof denyDropped = prove("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},"
                        + "{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"*\"}",
                "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}", Set.of());
        assertThat(denyDropped.newAccess()).contains("s3:DeleteBucket on *");
        Proof conditionChanged = prove(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}",
                "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}", Set.of());
        assertThat(conditionChanged.newAccess()).contains("s3:GetObject on *");
        Proof widerResource = prove("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::a/*\"}",
                "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}", Set.of());
        assertThat(widerResource.holds()).isFalse();
    }

    @Test
    void wildcardsThatReachFutureActionsAreCaught() {
        Proof compressed = prove("{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:GetObjectAcl\"],\"Resource\":\"*\"}",
                "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject*\",\"Resource\":\"*\"}", Set.of());
        assertThat(compressed.holds()).as("s3:GetObject* also allows catalogue actions and future ones").isFalse();
        Proof fromWider = prove("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}",
                "{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"}", Set.of());
        assertThat(fromWider.holds()).isTrue();
        Proof unknownService = prove("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}",
                "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"newsvc:*\"],\"Resource\":\"*\"}", Set.of());
        assertThat(unknownService.newAccess()).anyMatch(s -> s.startsWith("newsvc:"));
    }

    @Test
    void usedActionsMustKeepTheirExactDecision() {
        Proof lost = prove("{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"*\"}",
                "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}", Set.of("s3:PutObject"));
        assertThat(lost.lostUse()).contains("s3:PutObject on *");
        Proof outsideCatalogue = prove("{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"brandnew:DoThing\"],\"Resource\":\"*\"}",
                "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}", Set.of("brandnew:DoThing"));
        assertThat(outsideCatalogue.lostUse()).contains("brandnew:DoThing on *");
        assertThat(outsideCatalogue.extraActions()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void notActionBecomesAnExplicitListAndBoundariesAreHonoured() {
        Proof notAction = prove("{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}",
                "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"ec2:DescribeInstances\"],\"Resource\":\"*\"}",
                Set.of("s3:GetObject"));
        assertThat(notAction.holds()).isTrue();
        Proof intoIam = prove("{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}",
                "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"iam:PassRole\"],\"Resource\":\"*\"}", Set.of());
        assertThat(intoIam.newAccess()).contains("iam:PassRole on *");
        Policy boundary = p("boundary", "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
        Proof blocked = checker.prove(List.of(p("a", "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}")),
                List.of(p("a", "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"ec2:*\"],\"Resource\":\"*\"}")),
                boundary, Set.of());
        assertThat(blocked.newAccess()).as("ec2 is outside the boundary: nothing new is effective")
                .noneMatch(s -> s.startsWith("ec2:") && !s.contains("WkFuture") && !s.contains("Probe"));
    }

    @Test
    void policiesIamWouldRefuseAreRefused() {
        assertThatThrownBy(() -> Policy.parse("x", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}}"))
                .hasMessageContaining("Resource");
        assertThatThrownBy(() -> Policy.parse("x", "{\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"))
                .hasMessageContaining("Effect");
        assertThatThrownBy(() -> Policy.parse("x", "[1]")).hasMessageContaining("object");
        assertThatThrownBy(() -> Policy.parse("x", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"}]}"))
                .hasMessageContaining("empty");
        Policy one = Policy.parse("x", "{\"Statement\":{\"Sid\":\"NOREPOkeep\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}");
        assertThat(one.hasNoRepo()).isTrue();
        assertThat(Policy.countedLength("{ \"a\" :\n 1 }")).isEqualTo(7);
    }
}
