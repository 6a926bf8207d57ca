package io.watchkeeper.auditors.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.auditors.compliance.ComplianceReport.AccountState;
import io.watchkeeper.auditors.compliance.ComplianceReport.ControlResult;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.db.JooqAccountStore;
import io.watchkeeper.db.JooqComplianceHistory;
import io.watchkeeper.db.testing.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compliance states from stored history on the embedded PostgreSQL: findings opened, justified and
 * fixed at known times, items created and deleted, types watched or not.
 */
class ComplianceReportsTest {

    private static final LocalDate D0 = LocalDate.of(2026, 11, 20);
    private static final String TRAIL = "aws.cloudtrail.trail";
    private static final String GROUP = "aws.ec2.security-group";
    private static final String BUCKET = "aws.s3.bucket";
    private static final String NO_TRAIL = "aws.cloudtrail.trail/no-multi-region-management-trail";
    private static final String ADMIN_PORT = "aws.ec2.security-group/admin-port-open";

    private DSLContext dsl;
    private ComplianceReports reports;
    private Framework cis;
    private Account prod;
    private Account dev;

    private static OffsetDateTime day(int offset, int hour) {
        return D0.plusDays(offset).atTime(hour, 0).atOffset(ZoneOffset.UTC);
    }

    @BeforeEach
    void setUp() {
        dsl = TestDatabase.fresh().dsl();
        reports = new ComplianceReports(new JooqComplianceHistory(dsl), CheckRegistry.discover());
        cis = Frameworks.load().require("cis-aws-3.0");
        JooqAccountStore accounts = new JooqAccountStore(dsl);
        prod = accounts.add(new AccountSpec(Provider.AWS, "prod", "111111111111", AccountAccess.NONE, List.of(), Map.of(), false));
        dev = accounts.add(new AccountSpec(Provider.AWS, "dev", "222222222222", AccountAccess.NONE, List.of(), Map.of(), false));

        long trail = item(prod, TRAIL, "arn:aws:cloudtrail:us-east-1:111111111111:trail/main", day(-10, 9), null);
        long noTrail = finding(prod, trail, NO_TRAIL, TRAIL, "arn:aws:cloudtrail:us-east-1:111111111111:trail/main");
        event(noTrail, "opened", day(-5, 9), "{}");
        event(noTrail, "fixed", day(-2, 9), "{\"from\":\"OPEN\"}");

        long group = item(prod, GROUP, "arn:aws:ec2:us-east-1:111111111111:security-group/sg-1", day(-10, 9), null);
        long ssh = finding(prod, group, ADMIN_PORT, GROUP, "arn:aws:ec2:us-east-1:111111111111:security-group/sg-1");
        event(ssh, "opened", day(-3, 9), "{}");
        event(ssh, "justified", day(-1, 9), "{\"reason\":\"bastion\"}");
        event(ssh, "evidence-changed", day(-1, 10), "{}");

        item(prod, BUCKET, "arn:aws:s3:::logs", day(-10, 9), day(-4, 9));
        watched(dev, TRAIL, day(-9, 9));
    }

    private ComplianceReport report(List<Account> accounts, OffsetDateTime at, int days) {
        return reports.report(cis, accounts, at.toInstant(), days, Instant.parse("2026-12-01T00:00:00Z"));
    }

    private static ControlResult control(ComplianceReport report, String id) {
        return report.controls().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static AccountState state(ComplianceReport report, String id, String account) {
        return control(report, id).accounts().stream().filter(a -> a.account().equals(account)).findFirst().orElseThrow();
    }

    @Test
    void statesFollowTheHistoryOnEveryDay() {
        ComplianceReport r = report(List.of(prod, dev), day(0, 12), 10);
        assertThat(state(r, "3.1", "prod").state()).as("the finding was fixed two days ago").isEqualTo(ControlState.PASS);
        AccountState devTrail = state(r, "3.1", "dev");
        assertThat(devTrail.state()).as("3.1 needs a trail").isEqualTo(ControlState.FAIL);
        assertThat(devTrail.reason()).contains("no aws.cloudtrail.trail");
        assertThat(control(r, "3.1").state()).isEqualTo(ControlState.FAIL);

        AccountState ssh = state(r, "5.2", "prod");
        assertThat(ssh.state()).isEqualTo(ControlState.FAIL);
        assertThat(ssh.resources()).singleElement().satisfies(res -> {
            assertThat(res.status()).as("a justified finding still fails, shown as justified").isEqualTo("JUSTIFIED");
            assertThat(res.checkId()).isEqualTo(ADMIN_PORT);
        });
        assertThat(state(r, "5.2", "dev").state()).as("groups never watched in dev").isEqualTo(ControlState.NO_DATA);
        assertThat(state(r, "2.1.4", "prod").state()).as("the bucket was deleted").isEqualTo(ControlState.NOT_APPLICABLE);
        assertThat(control(r, "1.1").state()).isEqualTo(ControlState.MANUAL);
        assertThat(control(r, "1.4").state()).as("decided by the root-account checks, a type never watched here")
                .isEqualTo(ControlState.NO_DATA);

        List<ComplianceReport.TrendPoint> trail = control(r, "3.1").trend();
        assertThat(trail).hasSize(10);
        assertThat(trail.getFirst().day()).isEqualTo(D0.minusDays(9));
        assertThat(trail.getLast().day()).isEqualTo(D0);
        ComplianceReport prodOnly = report(List.of(prod), day(0, 12), 10);
        assertThat(control(prodOnly, "3.1").trend()).extracting(ComplianceReport.TrendPoint::state).containsExactly(
                ControlState.PASS, ControlState.PASS, ControlState.PASS, ControlState.PASS,
                ControlState.FAIL, ControlState.FAIL, ControlState.FAIL, // opened on day -5, fixed on day -2
                ControlState.PASS, ControlState.PASS, ControlState.PASS);
        assertThat(control(prodOnly, "2.1.4").trend()).extracting(ComplianceReport.TrendPoint::state)
                .startsWith(ControlState.PASS, ControlState.PASS, ControlState.PASS, ControlState.PASS, ControlState.PASS)
                .endsWith(ControlState.NOT_APPLICABLE);
    }

    @Test
    void aPastDateShowsThatDaysStateAndResources() {
        ComplianceReport r = report(List.of(prod), day(-5, 12), 1);
        AccountState trail = state(r, "3.1", "prod");
        assertThat(trail.state()).isEqualTo(ControlState.FAIL);
        assertThat(trail.failingFindings()).isEqualTo(1);
        assertThat(trail.resources()).extracting(ComplianceReport.FailingResource::status).containsExactly("OPEN");
        assertThat(state(r, "5.2", "prod").state()).as("the SSH finding opened a day later").isEqualTo(ControlState.PASS);
        assertThat(state(r, "2.1.4", "prod").state()).as("the bucket still existed").isEqualTo(ControlState.PASS);
        assertThat(report(List.of(prod), day(-12, 12), 1).controls()).filteredOn(c -> c.id().equals("5.2"))
                .extracting(ControlResult::state).containsExactly(ControlState.NO_DATA);
    }

    @Test
    void aReportCoversOnlyItsAccounts() {
        ComplianceReport r = report(List.of(dev), day(0, 12), 3);
        assertThat(r.accounts()).extracting(ComplianceReport.AccountRef::name).containsExactly("dev");
        assertThat(r.controls()).flatExtracting(ControlResult::accounts).flatExtracting(AccountState::resources).isEmpty();
        assertThat(control(r, "5.2").state()).isEqualTo(ControlState.NO_DATA);
        assertThat(r.summary()).containsEntry(ControlState.MANUAL, 8);
    }

    @Test
    void outputsAreSelfContainedAndEscaped() {
        Account hostile = new JooqAccountStore(dsl).add(new AccountSpec(Provider.AWS, "hostile", "333333333333",
                AccountAccess.NONE, List.of(), Map.of(), false));
        String evil = "=HYPERLINK(1)<img src=x onerror=alert(1)><script>alert(1)</script>";
        long group = item(hostile, GROUP, evil, day(-2, 9), null);
        event(finding(hostile, group, ADMIN_PORT, GROUP, evil), "opened", day(-1, 9), "{}");
        ComplianceReport r = report(List.of(hostile, prod), day(0, 12), 5);

        String html = ComplianceHtml.render(r, "1.2.3<b>");
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("<img").doesNotContain("1.2.3<b>")
                .doesNotContainPattern("<[^>]*\\s(src|href|on[a-z]+)=").doesNotContain("@import").doesNotContain("url(")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                        "1.2.3&lt;b&gt;", "Content-Security-Policy", "<svg", "<style>", "CIS Amazon Web Services Foundations Benchmark 3.0.0");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://").doesNotContain("https://");

        String csv = ComplianceCsv.render(r);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", ComplianceCsv.HEADER));
        assertThat(csv).contains("'=HYPERLINK(1)").doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
        assertThat(csv.lines().count()).as("header, then a row per control and account").isEqualTo(1 + 62 * 2);
    }

    private long item(Account account, String type, String resourceId, OffsetDateTime created, OffsetDateTime deleted) {
        long id = dsl.resultQuery("INSERT INTO item (account_id, resource_type, scope_region, region, resource_id, name, deleted,"
                        + " first_seen) VALUES (?, ?, 'us-east-1', 'us-east-1', ?, ?, ?, ?::timestamptz) RETURNING id", account.id(), type,
                resourceId, resourceId, deleted != null, created).fetchOne(0, Long.class);
        dsl.execute("INSERT INTO item_revision (item_id, revision_no, kind, config, durable_hash, full_hash, observed_at)"
                + " VALUES (?, 1, 'created', '{}'::jsonb, 'h', 'h', ?::timestamptz)", id, created);
        if (deleted != null) {
            dsl.execute("INSERT INTO item_revision (item_id, revision_no, kind, config, observed_at) VALUES (?, 2, 'deleted',"
                    + " NULL, ?::timestamptz)", id, deleted);
        }
        watched(account, type, created);
        return id;
    }

    private long finding(Account account, long item, String check, String type, String resourceId) {
        return dsl.resultQuery("INSERT INTO finding (fingerprint, check_id, account_id, item_id, resource_type, region, resource_id,"
                        + " resource_name, evidence_key, evidence, evidence_hash, message, severity, exposure, score, score_breakdown,"
                        + " status) VALUES (?, ?, ?, ?, ?, 'us-east-1', ?, ?, 'k', '{}'::jsonb, 'h', 'm', 'HIGH', 'INTERNET', 70,"
                        + " '{}'::jsonb, 'OPEN') RETURNING id", check + item, check, account.id(), item, type, resourceId, resourceId)
                .fetchOne(0, Long.class);
    }

    private void event(long finding, String event, OffsetDateTime at, String details) {
        dsl.execute("INSERT INTO finding_event (finding_id, at, event, actor, details) VALUES (?, ?::timestamptz, ?, 'test', ?::jsonb)",
                finding, at, event, details);
    }

    private void watched(Account account, String type, OffsetDateTime at) {
        long run = dsl.resultQuery("INSERT INTO watch_run (trigger, actor, started_at) VALUES ('test', 'test', ?::timestamptz) RETURNING id", at)
                .fetchOne(0, Long.class);
        dsl.execute("INSERT INTO watch_scope_result (run_id, account_id, region, resource_type, status, finished_at)"
                + " VALUES (?, ?, 'us-east-1', ?, 'OK', ?::timestamptz)", run, account.id(), type, at);
    }
}
