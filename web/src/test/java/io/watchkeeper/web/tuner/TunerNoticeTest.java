package io.watchkeeper.web.tuner;

import static io.watchkeeper.db.jooq.Tables.AUDIT_LOG;
import static io.watchkeeper.db.jooq.Tables.TUNER_NOTICE;
import static io.watchkeeper.iamtuner.testing.TunerScenario.APP;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.iamtuner.testing.TunerScenario;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.testing.CliHarness;
import io.watchkeeper.web.testing.TunerFixture;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Scheduling a plan tells the owners of the principals it changes by e-mail (GreenMail, a real SMTP server on
 * loopback): the owner tag that is an address, and a configured owner matched by ARN glob; principals without an
 * owner are named in the audit entry and the plan says "no owner notified".
 */
class TunerNoticeTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort()).withPerMethodLifecycle(true);

    private static final String WORKER = TunerScenario.role("worker");

    private TunerFixture fixture;
    private CliHarness cli;

    @BeforeEach
    void setUp() {
        fixture = new TunerFixture();
    }

    @AfterEach
    void tearDown() {
        if (cli != null) {
            cli.close();
        }
        fixture.close();
    }

    private void start(String... extra) {
        List<String> settings = new ArrayList<>(List.of(
                "--watchkeeper.notifications.email.host=127.0.0.1",
                "--watchkeeper.notifications.email.port=" + SMTP.getSmtp().getPort(),
                "--watchkeeper.notifications.email.start-tls=false",
                "--watchkeeper.notifications.email.from=watchkeeper@example.org",
                "--watchkeeper.notifications.email.to=secops@example.org"));
        settings.addAll(List.of(extra));
        cli = new CliHarness(settings.toArray(String[]::new));
        CliHarness.Run add = cli.run("accounts", "add", "aws", "--name", "tuned", "--account-id", Moto.ACCOUNT_ID,
                "--regions", "us-east-1");
        assertThat(add.exit()).as(add.err()).isZero();
        CliHarness.Run collect = cli.run("tuner", "collect", "--account", "tuned");
        assertThat(collect.exit()).as(collect.err()).isZero();
    }

    private JsonNode plan(String... extra) {
        List<String> args = new ArrayList<>(List.of("tuner", "plan", "--account", "tuned", "--format", "json"));
        args.addAll(List.of(extra));
        CliHarness.Run plan = cli.run(args.toArray(String[]::new));
        assertThat(plan.exit()).as(plan.err()).isZero();
        return Json.parse(plan.out());
    }

    private static List<String> removed(JsonNode plan, String arn) {
        for (JsonNode p : plan.get("principals")) {
            if (p.get("arn").asString().equals(arn)) {
                List<String> out = new ArrayList<>();
                p.get("removed").forEach(a -> out.add(a.asString()));
                return out;
            }
        }
        throw new AssertionError("no " + arn);
    }

    private JsonNode scheduleAudit() {
        var rows = cli.db.dsl().select(AUDIT_LOG.AFTER).from(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("tuner.schedule")).fetch();
        assertThat(rows).as("one audit entry per schedule").hasSize(1);
        return Json.parse(rows.get(0).value1().data());
    }

    private static MimeMessage to(MimeMessage[] messages, String address) throws Exception {
        for (MimeMessage m : messages) {
            for (var r : m.getRecipients(Message.RecipientType.TO)) {
                if (r.toString().equals(address)) {
                    return m;
                }
            }
        }
        throw new AssertionError("no message to " + address);
    }

    @Test
    void ownersAreMailedThePlanTheirActionsToBeRemovedAndTheDate() throws Exception {
        start("--watchkeeper.tuner.notice.owners[0].name=ops",
                "--watchkeeper.tuner.notice.owners[0].principals[0]=arn:aws:iam::*:role/worker",
                "--watchkeeper.tuner.notice.owners[0].email=ops-team@example.com");
        JsonNode plan = plan();
        long id = plan.get("id").asLong();
        List<String> appRemoved = removed(plan, APP);
        List<String> workerRemoved = removed(plan, WORKER);
        assertThat(appRemoved).isNotEmpty();
        assertThat(workerRemoved).contains("ec2:TerminateInstances");

        CliHarness.Run scheduled = cli.run("tuner", "schedule", Long.toString(id));
        assertThat(scheduled.exit()).as(scheduled.err()).isZero();
        assertThat(scheduled.out()).contains("notified team-app@example.com by e-mail to team-app@example.com of: " + APP)
                .contains("notified ops by e-mail to ops-team@example.com of: " + WORKER)
                .contains("no owner notified: ");

        assertThat(SMTP.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).as("one message per owner, nothing to the findings recipients").hasSize(2);
        Instant after = Instant.parse(scheduleAudit().get("applyAfter").asString());
        String day = after.atOffset(ZoneOffset.UTC).toLocalDate().toString();

        MimeMessage app = to(received, "team-app@example.com");
        assertThat(app.getSubject()).contains("plan " + id).contains("will remove " + appRemoved.size() + " unused action")
                .contains(day);
        String appBody = ((String) app.getContent()).replace("\r\n", "\n");
        assertThat(appBody).contains("plan " + id).contains(APP).contains(after.toString()).contains("/tuner/plans/" + id)
                .doesNotContain(WORKER);
        for (String a : appRemoved) {
            assertThat(appBody).contains("  - " + a + "\n");
        }
        String opsBody = ((String) to(received, "ops-team@example.com").getContent()).replace("\r\n", "\n");
        assertThat(opsBody).contains(WORKER).doesNotContain(APP);
        for (String a : workerRemoved) {
            assertThat(opsBody).contains("  - " + a + "\n");
        }

        JsonNode audit = scheduleAudit();
        assertThat(audit.get("notice")).hasSize(2);
        assertThat(audit.get("noOwnerNotified").toString()).doesNotContain(APP).doesNotContain(WORKER + "\"");
        assertThat(cli.db.dsl().fetchCount(TUNER_NOTICE, TUNER_NOTICE.PLAN_ID.eq(id).and(TUNER_NOTICE.STATUS.eq("SENT"))))
                .isEqualTo(2);
        CliHarness.Run show = cli.run("tuner", "show", Long.toString(id));
        assertThat(show.out()).contains("notified team-app@example.com by e-mail").contains("no owner notified: ");
    }

    @Test
    void withoutAnOwnerNobodyIsMailedAndTheAuditAndThePlanSaySo() throws Exception {
        start();
        long id = plan("--principal", WORKER).get("id").asLong();
        CliHarness.Run scheduled = cli.run("tuner", "schedule", Long.toString(id));
        assertThat(scheduled.exit()).as(scheduled.err()).isZero();
        assertThat(scheduled.out()).contains("no owner notified: " + WORKER);

        JsonNode audit = scheduleAudit();
        assertThat(audit.get("notice")).isEmpty();
        assertThat(audit.get("noOwnerNotified")).hasSize(1);
        assertThat(audit.get("noOwnerNotified").get(0).asString()).isEqualTo(WORKER);
        assertThat(SMTP.getReceivedMessages()).as("delivery is synchronous: nothing was sent").isEmpty();

        CliHarness.Run show = cli.run("tuner", "show", Long.toString(id), "--format", "json");
        JsonNode notices = Json.parse(show.out()).get("notices");
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).get("status").asString()).isEqualTo("NO_OWNER");
        assertThat(cli.run("tuner", "show", Long.toString(id)).out()).contains("no owner notified: " + WORKER);
    }
}
