package io.watchkeeper.web;

import static io.watchkeeper.db.jooq.Tables.AUDIT_LOG;
import static io.watchkeeper.db.jooq.Tables.TUNER_PLAN;
import static io.watchkeeper.iamtuner.testing.TunerScenario.APP;
import static io.watchkeeper.iamtuner.testing.TunerScenario.APP_INLINE;
import static io.watchkeeper.iamtuner.testing.TunerScenario.APP_TABLES;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.iamtuner.policy.Policy;
import io.watchkeeper.iamtuner.testing.TunerScenario;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.testing.CliHarness;
import io.watchkeeper.web.testing.TunerFixture;
import io.watchkeeper.web.tuner.TunerJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code watchkeeper tuner ...} end to end on moto: collect → plan (JSON per principal: eligibility, removed,
 * kept, unknown) → schedule → apply → documents read back → rollback to byte-identical documents, with
 * bad input refused (exit 2, nothing written) and each write audited once.
 */
class TunerCliTest {

    private TunerFixture fixture;
    private CliHarness cli;

    @BeforeEach
    void setUp() {
        fixture = new TunerFixture();
        cli = new CliHarness();
        CliHarness.Run add = cli.run("accounts", "add", "aws", "--name", "tuned", "--account-id", Moto.ACCOUNT_ID,
                "--regions", "us-east-1");
        assertThat(add.exit()).as(add.err()).isZero();
    }

    @AfterEach
    void tearDown() {
        cli.close();
        fixture.close();
    }

    private JsonNode principal(JsonNode plan, String arn) {
        for (JsonNode p : plan.get("principals")) {
            if (p.get("arn").asString().equals(arn)) {
                return p;
            }
        }
        throw new AssertionError("no principal " + arn + " in the plan");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private int audited(String action) {
        return cli.db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq(action));
    }

    @Test
    void planApplyAndRollBackFromTheCommandLine() {
        CliHarness.Run collect = cli.run("tuner", "collect", "--account", "tuned");
        assertThat(collect.exit()).as(collect.out() + collect.err()).isZero();
        assertThat(collect.out()).contains("CloudTrail:").contains("IAM last-accessed data unavailable");

        CliHarness.Run plan = cli.run("tuner", "plan", "--account", "tuned", "--window", "90d", "--format", "json");
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.err()).as("progress on standard error").contains("planning tuned");
        JsonNode report = Json.parse(plan.out());
        long planId = report.get("id").asLong();
        assertThat(report.get("status").asString()).isEqualTo("PLANNED");
        JsonNode app = principal(report, APP);
        assertThat(app.get("eligible").asBoolean()).isTrue();
        assertThat(strings(app.get("removed"))).containsExactlyInAnyOrder("s3:DeleteObject", "sqs:DeleteQueue",
                "dynamodb:DeleteTable", "dynamodb:DescribeTable");
        assertThat(strings(app.get("used"))).containsExactlyInAnyOrder("s3:GetObject", "s3:PutObject", "sqs:SendMessage");
        assertThat(strings(app.get("kept"))).contains("s3:GetObject", "sqs:ListQueues").doesNotContain("s3:DeleteObject");
        assertThat(strings(app.get("unknown"))).contains("sqs:ListQueues");
        assertThat(app.get("proofHolds").asBoolean()).isTrue();
        JsonNode young = principal(report, TunerScenario.role("young-role"));
        assertThat(young.get("eligible").asBoolean()).isFalse();
        assertThat(young.get("reason").asString()).isNotBlank();
        assertThat(young.get("removed").size()).isZero();
        assertThat(audited("tuner.plan")).isEqualTo(1);

        // bad input: exit 2, one error line, nothing stored
        for (String[] bad : List.of(new String[] {"tuner", "plan", "--account", "tuned", "--window", "0d"},
                new String[] {"tuner", "plan", "--account", "tuned", "--window", "ninety"},
                new String[] {"tuner", "plan", "--account", "tuned", "--principal", "arn:aws:s3:::not-a-role"},
                new String[] {"tuner", "plan", "--account", "nope"})) {
            CliHarness.Run r = cli.run(bad);
            assertThat(r.exit()).as(String.join(" ", bad) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).startsWith("error:");
        }
        assertThat(cli.db.dsl().fetchCount(TUNER_PLAN)).isEqualTo(1);
        assertThat(audited("tuner.plan")).isEqualTo(1);

        // not scheduled, then in its notice period: refused, nothing changed
        CliHarness.Run early = cli.run("tuner", "apply", Long.toString(planId));
        assertThat(early.exit()).isEqualTo(2);
        assertThat(early.err()).contains("not scheduled");
        assertThat(cli.run("tuner", "schedule", Long.toString(planId)).exit()).isZero();
        CliHarness.Run notice = cli.run("tuner", "apply", Long.toString(planId));
        assertThat(notice.exit()).isEqualTo(2);
        assertThat(notice.err()).contains("notice period");
        assertThat(fixture.inline("app", "app-inline")).isEqualTo(APP_INLINE);
        assertThat(audited("tuner.apply")).isZero();

        CliHarness.Run apply = cli.run("tuner", "apply", Long.toString(planId), "--now", "--format", "json");
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        JsonNode applied = Json.parse(apply.out());
        assertThat(applied.at("/plan/status").asString()).isEqualTo("APPLIED");
        assertThat(audited("tuner.apply")).isEqualTo(1);
        Policy now = Policy.parse("app-inline", fixture.inline("app", "app-inline"));
        assertThat(now.statements().getFirst().matchesAction("s3:DeleteObject")).isFalse();
        assertThat(now.statements().getFirst().matchesAction("s3:GetObject")).isTrue();
        assertThat(fixture.iam.listRolePolicies(r -> r.roleName("app")).policyNames()).containsExactly("app-inline");

        long appChange = -1;
        long workerChange = -1;
        for (JsonNode c : Json.parse(cli.run("tuner", "changes", "--account", "tuned", "--format", "json").out())) {
            if (c.get("principalArn").asString().equals(APP)) {
                appChange = c.get("id").asLong();
            } else if (c.get("principalArn").asString().equals(TunerScenario.role("worker"))) {
                workerChange = c.get("id").asLong();
            }
        }
        assertThat(appChange).isPositive();
        assertThat(workerChange).isPositive();

        // AccessDenied on a removed action after the change: the scheduled job alerts, and restores only when asked
        CliHarness.Run badSetting = cli.run("tuner", "settings", "--account", "tuned", "--auto-restore", "maybe");
        assertThat(badSetting.exit()).isEqualTo(2);
        assertThat(audited("tuner.settings")).isZero();
        fixture.denied(APP, "s3.amazonaws.com", "DeleteObject", Duration.ofMinutes(1));
        TunerJob.Run quiet = cli.bean(TunerJob.class).run();
        assertThat(quiet.alerts()).isEqualTo(1);
        assertThat(quiet.restored()).as("restore is off by default").isZero();
        assertThat(audited("tuner.denied")).isEqualTo(1);
        assertThat(fixture.inline("app", "app-inline")).isNotEqualTo(APP_INLINE);
        CliHarness.Run on = cli.run("tuner", "settings", "--account", "tuned", "--auto-restore", "on");
        assertThat(on.exit()).as(on.err()).isZero();
        assertThat(on.out()).contains("auto-restore on").contains("auto-apply off");
        fixture.denied(APP, "s3.amazonaws.com", "DeleteObject", Duration.ofMinutes(11));
        TunerJob.Run restoring = cli.bean(TunerJob.class).run();
        assertThat(restoring.restored()).isEqualTo(1);
        assertThat(fixture.inline("app", "app-inline")).isEqualTo(APP_INLINE);
        assertThat(fixture.inline("app", "app-tables")).as("the deleted inline policy is back (Repokid's bug class)")
                .isEqualTo(APP_TABLES);
        JsonNode restored = Json.parse(cli.run("tuner", "changes", "--format", "json").out());
        for (JsonNode c : restored) {
            if (c.get("id").asLong() == appChange) {
                assertThat(c.get("status").asString()).isEqualTo("ROLLED_BACK");
                assertThat(c.get("rolledBackBy").asString()).isEqualTo(TunerJob.ACTOR);
            }
        }

        String workerBefore = fixture.defaultDocument(TunerScenario.policyArn("worker-policy"));
        CliHarness.Run rollback = cli.run("tuner", "rollback", Long.toString(workerChange), "--reason", "test");
        assertThat(rollback.exit()).as(rollback.out() + rollback.err()).isZero();
        assertThat(rollback.out()).contains("ROLLED_BACK");
        assertThat(fixture.defaultDocument(TunerScenario.policyArn("worker-policy"))).isNotEqualTo(workerBefore)
                .contains("ec2:TerminateInstances");
        assertThat(audited("tuner.rollback")).isEqualTo(2);
        CliHarness.Run again = cli.run("tuner", "rollback", Long.toString(appChange));
        assertThat(again.exit()).as("a rolled-back change is not rolled back twice").isEqualTo(2);
        assertThat(cli.run("tuner", "rollback", "987654").exit()).isEqualTo(2);
    }
}
