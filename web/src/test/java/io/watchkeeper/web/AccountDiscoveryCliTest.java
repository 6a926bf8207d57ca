package io.watchkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.db.testing.TestDatabase;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** {@code accounts discover aws} against moto's AWS Organizations, on its own database. */
class AccountDiscoveryCliTest {

    private static final Moto MOTO = Moto.get();
    private static TestDatabase db;
    private static ConfigurableApplicationContext context;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        context = WatchkeeperApplication.startForCli(new String[] {
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=postgres"});
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @BeforeEach
    void resetMoto() {
        MOTO.reset();
        Moto.pointProductAt(MOTO.endpoint());
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(() -> context, new PrintWriter(out, true), new PrintWriter(err, true), false);
        int exit = WatchkeeperApplication.execute(cli, args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void discoversOrganizationMembers() {
        var organizations = (software.amazon.awssdk.services.organizations.OrganizationsClient) MOTO.client(
                software.amazon.awssdk.services.organizations.OrganizationsClient.builder());
        organizations.createOrganization(r -> r.featureSet("ALL"));
        var created = organizations.createAccount(r -> r.accountName("Payments Prod").email("payments@example.com"));
        String memberId = organizations.describeCreateAccountStatus(r -> r.createAccountRequestId(
                created.createAccountStatus().id())).createAccountStatus().accountId();

        Run dry = run("accounts", "discover", "aws", "--role-name", "Watchkeeper", "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would add payments-prod-" + memberId.substring(8) + " (" + memberId + ")");

        Run real = run("accounts", "discover", "aws", "--role-name", "Watchkeeper", "--external-id", "ext-9");
        assertThat(real.exit()).as(real.err()).isZero();
        JsonNode accounts = Json.parse(run("accounts", "list", "--format", "json").out());
        JsonNode member = null;
        for (JsonNode a : accounts) {
            if (a.get("accountId").asString().equals(memberId)) {
                member = a;
            }
        }
        assertThat(member).isNotNull();
        assertThat(member.get("roleArn").asString()).isEqualTo("arn:aws:iam::" + memberId + ":role/Watchkeeper");
        assertThat(member.get("externalIdSet").asBoolean()).isTrue();
        assertThat(run("accounts", "discover", "aws", "--role-name", "Watchkeeper").out()).contains("0 account(s) added");
    }
}
