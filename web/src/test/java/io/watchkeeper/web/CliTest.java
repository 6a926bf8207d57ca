package io.watchkeeper.web;

import static io.watchkeeper.db.jooq.Tables.ACCOUNT;
import static io.watchkeeper.db.jooq.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.db.testing.TestDatabase;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/** The command line against a real database and moto: exit codes, messages, JSON output. */
class CliTest {

    private static final Moto MOTO = Moto.get();
    private static TestDatabase db;
    private static ConfigurableApplicationContext context;

    /** One command's result. */
    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        context = WatchkeeperApplication.startForCli(new String[] {
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=postgres",
                "--watchkeeper.aws.max-attempts=2"});
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

    private DSLContext dsl() {
        return db.dsl();
    }

    @Test
    void addListWatchAndBrowse() {
        Run add = run("accounts", "add", "aws", "--name", "cli-prod", "--account-id", Moto.ACCOUNT_ID,
                "--regions", "us-east-1,eu-west-1", "--tag", "env=prod");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("added account cli-prod");
        assertThat(dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("account.add").and(AUDIT_LOG.TARGET.eq("account:cli-prod"))))
                .isEqualTo(1);
        Run list = run("accounts", "list", "--format", "json");
        JsonNode accounts = Json.parse(list.out());
        assertThat(accounts.findValuesAsString("name")).contains("cli-prod");

        S3Client s3 = MOTO.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("cli-bucket"));
        Ec2Client west = MOTO.client(Ec2Client.builder(), "eu-west-1");
        west.createSecurityGroup(r -> r.groupName("cli-web").description("web"));

        Run watch = run("watch", "--account", "cli-prod", "--type", "aws.s3.bucket", "--type", "aws.ec2.security-group");
        assertThat(watch.exit()).as(watch.out() + watch.err()).isZero();
        assertThat(watch.out()).contains("3 scopes ok, 0 failed").contains("4 new");

        Run items = run("items", "list", "--account", "cli-prod", "--format", "json");
        JsonNode array = Json.parse(items.out());
        assertThat(array.size()).isEqualTo(4);
        JsonNode bucket = null;
        for (JsonNode item : array) {
            for (String field : new String[] {"type", "account", "region", "id", "name", "revisions", "deleted"}) {
                assertThat(item.has(field)).as("field %s in %s", field, item).isTrue();
            }
            if (item.get("name").asString().equals("cli-bucket")) {
                bucket = item;
            }
        }
        assertThat(bucket).isNotNull();
        assertThat(bucket.get("type").asString()).isEqualTo("aws.s3.bucket");
        assertThat(bucket.get("revisions").asInt()).isEqualTo(1);
        assertThat(bucket.get("deleted").asBoolean()).isFalse();

        s3.putBucketVersioning(r -> r.bucket("cli-bucket")
                .versioningConfiguration(v -> v.status("Enabled")));
        assertThat(run("watch", "--account", "cli-prod", "--type", "aws.s3.bucket").out()).contains("1 changed");
        Run history = run("items", "history", bucket.get("id").asString());
        assertThat(history.out()).contains("#1 created").contains("#2 changed").contains("add /versioning \"Enabled\"");
        Run show = run("items", "show", "arn:aws:s3:::cli-bucket", "--format", "json");
        assertThat(Json.parse(show.out()).at("/config/versioning").asString()).isEqualTo("Enabled");
    }

    @Test
    void badInputGivesOneLineAndExitTwoAndWritesNothing() {
        int accountsBefore = dsl().fetchCount(ACCOUNT);
        Run malformed = run("accounts", "add", "aws", "--name", "bad", "--account-id", "12345");
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err().strip()).isEqualTo("error: invalid AWS account id '12345': 12 digits expected");
        Run badRole = run("accounts", "add", "aws", "--name", "bad", "--account-id", "123456789012",
                "--role-arn", "not-an-arn");
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.err()).startsWith("error: invalid role ARN");
        assertThat(dsl().fetchCount(ACCOUNT)).isEqualTo(accountsBefore);
        assertThat(run("accounts", "add", "aws", "--name", "dup-a", "--account-id", "333333333333").exit()).isZero();
        Run duplicate = run("accounts", "add", "aws", "--name", "dup-b", "--account-id", "333333333333");
        assertThat(duplicate.exit()).isEqualTo(2);
        assertThat(duplicate.err().strip()).isEqualTo(
                "error: an account named 'dup-b' or with aws id 333333333333 is already registered");

        Run unknownAccount = run("watch", "--account", "nope");
        assertThat(unknownAccount.exit()).isEqualTo(2);
        assertThat(unknownAccount.err()).startsWith("error: unknown account 'nope'");
        Run unknownType = run("watch", "--type", "aws.nope.thing");
        assertThat(unknownType.exit()).isEqualTo(2);
        assertThat(unknownType.err()).startsWith("error: unknown resource type 'aws.nope.thing'");
        Run malformedType = run("watch", "--type", "S3");
        assertThat(malformedType.exit()).isEqualTo(2);
        assertThat(malformedType.err()).contains("malformed resource type");
        Run missingOption = run("accounts", "add", "aws", "--name", "x");
        assertThat(missingOption.exit()).isEqualTo(2);
        assertThat(missingOption.err()).contains("Missing required option");
    }

    @Test
    void anUnreachableEndpointFailsTheWatchWithExitOne() {
        run("accounts", "add", "aws", "--name", "unreachable", "--account-id", "210987654321", "--regions", "us-east-1");
        Moto.pointProductAt("http://localhost:9");
        Run watch = run("watch", "--account", "unreachable", "--type", "aws.ec2.security-group");
        assertThat(watch.exit()).isEqualTo(1);
        assertThat(watch.out()).contains("FAILED").contains("UNAVAILABLE").contains("0 scopes ok, 1 failed");
    }

    @Test
    void typesListsEveryWatcherAndAnIamPolicy() {
        Run types = run("types", "--format", "json");
        assertThat(types.exit()).isZero();
        assertThat(Json.parse(types.out()).findValuesAsString("type"))
                .contains("aws.s3.bucket", "aws.iam.role", "aws.ec2.security-group", "aws.cloudtrail.trail",
                        "aws.iam.root-account", "aws.accessanalyzer.analyzer", "aws.securityhub.hub", "aws.efs.file-system");
        assertThat(Json.parse(types.out()).findValuesAsString("type")).filteredOn(t -> t.startsWith("aws."))
                .hasSizeGreaterThanOrEqualTo(37).doesNotHaveDuplicates();
        Run policy = run("types", "--iam-policy");
        assertThat(Json.parse(policy.out()).at("/Statement/0/Action").toString())
                .contains("iam:GetAccountAuthorizationDetails").contains("s3:GetBucketPolicy")
                .contains("iam:GetAccountSummary", "logs:DescribeMetricFilters", "config:DescribeConfigurationRecorders",
                        "access-analyzer:ListAnalyzers", "securityhub:GetEnabledStandards",
                        "organizations:ListDelegatedAdministrators", "elasticloadbalancing:DescribeListeners",
                        "secretsmanager:GetResourcePolicy", "eks:DescribeCluster", "ecr:GetRepositoryPolicy",
                        "elasticfilesystem:DescribeFileSystemPolicy", "ec2:GetEbsEncryptionByDefault")
                .doesNotContain("GetSecretValue");
    }
}
