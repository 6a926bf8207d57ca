package io.watchkeeper.web.tuner;

import static io.watchkeeper.db.jooq.Tables.ITEM;
import static io.watchkeeper.db.jooq.Tables.ITEM_REVISION;
import static io.watchkeeper.iamtuner.testing.TunerScenario.APP;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.iamtuner.testing.TunerScenario;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.testing.CliHarness;
import io.watchkeeper.web.testing.TunerFixture;
import java.util.List;
import org.jooq.Record3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The watchers record the tuner as the actor of the revisions it causes: after an apply, the next watch's revision of
 * the changed role names "tuner change C by U"; after the rollback, "tuner rollback of change C by U"; a change made
 * by someone else outside Watchkeeper stays unattributed, and so does the next revision of a role the tuner changed when
 * a person changed it again before the watch saw it (its policies are no longer what the tuner left).
 */
class TunerAttributionTest {

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

    private void watch() {
        CliHarness.Run w = cli.run("watch", "--account", "tuned", "--type", "aws.iam.role");
        assertThat(w.exit()).as(w.out() + w.err()).isZero();
    }

    /** (revision number, kind, changed_by) of a role's revisions, oldest first. */
    private List<Record3<Integer, String, String>> revisions(String arn) {
        return cli.db.dsl().select(ITEM_REVISION.REVISION_NO, ITEM_REVISION.KIND, ITEM_REVISION.CHANGED_BY)
                .from(ITEM_REVISION).join(ITEM).on(ITEM.ID.eq(ITEM_REVISION.ITEM_ID))
                .where(ITEM.RESOURCE_ID.eq(arn).and(ITEM.RESOURCE_TYPE.eq("aws.iam.role")))
                .orderBy(ITEM_REVISION.REVISION_NO).fetch();
    }

    @Test
    void theNextWatchAttributesTheTunersChangeAndItsRollbackToIt() {
        watch();
        assertThat(revisions(APP)).hasSize(1);
        assertThat(cli.run("tuner", "collect", "--account", "tuned").exit()).isZero();
        CliHarness.Run plan = cli.run("tuner", "plan", "--account", "tuned", "--principal", APP, "--format", "json");
        assertThat(plan.exit()).as(plan.err()).isZero();
        long planId = Json.parse(plan.out()).get("id").asLong();
        CliHarness.Run apply = cli.run("tuner", "apply", Long.toString(planId), "--now", "--format", "json");
        assertThat(apply.exit()).as(apply.err()).isZero();
        long changeId = Json.parse(apply.out()).get("changes").get(0).get("id").asLong();
        // someone else changes another role outside Watchkeeper meanwhile
        String worker = TunerScenario.role("worker");
        fixture.iam.putRolePolicy(r -> r.roleName("worker").policyName("by-hand").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:ListQueues\",\"Resource\":\"*\"}]}"));

        watch();
        var app = revisions(APP);
        assertThat(app).hasSize(2);
        assertThat(app.get(1).value2()).isEqualTo("changed");
        assertThat(app.get(1).value3()).matches("tuner change " + changeId + " by cli:.+");
        var byHand = revisions(worker);
        assertThat(byHand).hasSize(2);
        assertThat(byHand.get(1).value3()).as("not the tuner's change").isNull();

        CliHarness.Run history = cli.run("items", "history", APP);
        assertThat(history.exit()).as(history.err()).isZero();
        assertThat(history.out()).containsPattern("#2 changed \\S+ by tuner change " + changeId + " by cli:");
        CliHarness.Run rollback = cli.run("tuner", "rollback", Long.toString(changeId), "--reason", "test");
        assertThat(rollback.exit()).as(rollback.err()).isZero();
        watch();
        app = revisions(APP);
        assertThat(app).hasSize(3);
        assertThat(app.get(2).value3()).matches("tuner rollback of change " + changeId + " by cli:.+");
        watch();
        assertThat(revisions(APP)).as("used up: no further revision, nothing left to attribute").hasSize(3);
    }

    @Test
    void aPersonsChangeAfterTheTunersIsNotCreditedToTheTuner() {
        watch();
        assertThat(cli.run("tuner", "collect", "--account", "tuned").exit()).isZero();
        CliHarness.Run plan = cli.run("tuner", "plan", "--account", "tuned", "--principal", APP, "--format", "json");
        assertThat(plan.exit()).as(plan.err()).isZero();
        long planId = Json.parse(plan.out()).get("id").asLong();
        CliHarness.Run apply = cli.run("tuner", "apply", Long.toString(planId), "--now", "--format", "json");
        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(Json.parse(apply.out()).get("changes")).isNotEmpty();
        // a person adds a policy to the same role before the next watch
        fixture.iam.putRolePolicy(r -> r.roleName("app").policyName("by-hand").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:ListQueues\",\"Resource\":\"*\"}]}"));

        watch();
        var app = revisions(APP);
        assertThat(app).hasSize(2);
        assertThat(app.get(1).value2()).isEqualTo("changed");
        assertThat(app.get(1).value3()).as("the revision holds a person's change too: not the tuner's").isNull();
        CliHarness.Run history = cli.run("items", "history", APP);
        assertThat(history.out()).doesNotContain("tuner change");
    }
}
