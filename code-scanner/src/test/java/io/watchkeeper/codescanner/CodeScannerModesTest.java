package io.watchkeeper.codescanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.codescanner.finding.Finding;
import io.watchkeeper.core.model.InvalidInputException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeScannerModesTest {

    @TempDir
    Path dir;

    private final FakeSecrets fake = new FakeSecrets(7);

    private static Map<String, Object> files(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<String> masked(ScanResult r) {
        return r.findings().stream().map(f -> f.path() + ":" + f.startLine()).toList();
    }

    @Test
    void pullRequestReportsOnlyWhatTheHeadAddsSinceItLeftTheBase() {
        String onBase = fake.github("ghp_");
        String moved = fake.stripeLive();
        String removed = fake.slackBot();
        String added = fake.npm();
        String addedElsewhere = fake.sendgrid();
        String mainAfterFork = fake.github("gho_");
        Git git = TestRepos.init(dir);
        TestRepos.commit(git, files(
                "app/config.py", "A = 1\nTOKEN = '" + onBase + "'\nSTRIPE = '" + moved + "'\n",
                "bot/slack.js", "const t = '" + removed + "';\n"), "base", 1_700_000_000);
        TestRepos.checkout(git, "feature", true);
        TestRepos.commit(git, files(
                // the base's token stays, the Stripe key moves to another file, a new npm token is added
                "app/config.py", "A = 2\nTOKEN = '" + onBase + "'\nNPM = '" + added + "'\n",
                "app/payments.py", "STRIPE = '" + moved + "'\n",
                "bot/slack.js", "const t = process.env.SLACK;\n",
                "mail/send.go", "package mail\n\nconst key = \"" + addedElsewhere + "\"\n"), "feature work", 1_700_000_100);
        TestRepos.checkout(git, "main", false);
        TestRepos.commit(git, files("later.py", "T = '" + mainAfterFork + "'\n"), "main moves on", 1_700_000_200);

        ScanResult pr = TestRepos.scanner().scan(new ScanRequest.PullRequest(dir, "main...feature"), ScanProgress.NONE);

        assertThat(pr.mode()).isEqualTo("diff");
        assertThat(pr.findings()).extracting(Finding::ruleId, Finding::path, Finding::startLine).containsExactly(
                org.assertj.core.groups.Tuple.tuple("npm-access-token", "app/config.py", 3),
                org.assertj.core.groups.Tuple.tuple("sendgrid-api-key", "mail/send.go", 3));
        assertThat(pr.target().mergeBase()).isNotEqualTo(pr.target().base());
        // the same scan with two dots is refused, as is an unknown branch
        assertThatThrownBy(() -> TestRepos.scanner().scan(new ScanRequest.PullRequest(dir, "main..feature"), ScanProgress.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("BASE...HEAD");
        assertThatThrownBy(() -> TestRepos.scanner().scan(new ScanRequest.PullRequest(dir, "main...nope"), ScanProgress.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown revision 'nope'");
    }

    @Test
    void aPullRequestThatChangesOnlyTheCallerOfALocalModuleIsJudgedWithTheModule() {
        Git git = TestRepos.init(dir);
        TestRepos.commit(git, files(
                "modules/db/main.tf", """
                        variable "encrypted" {}
                        resource "aws_db_instance" "this" {
                          identifier                          = "orders"
                          engine                              = "postgres"
                          instance_class                      = "db.t3.micro"
                          storage_encrypted                   = var.encrypted
                          publicly_accessible                 = false
                          backup_retention_period             = 7
                          deletion_protection                 = true
                          multi_az                            = true
                          iam_database_authentication_enabled = true
                          manage_master_user_password         = true
                        }
                        """,
                "envs/prod/main.tf", """
                        module "orders" {
                          source    = "../../modules/db"
                          encrypted = true
                        }
                        """), "base", 1_700_000_000);
        TestRepos.checkout(git, "feature", true);
        // the pull request touches only the caller: the module's folder is not in its diff
        TestRepos.commit(git, files("envs/prod/main.tf", """
                module "orders" {
                  source    = "../../modules/db"
                  encrypted = false
                }
                """), "turn encryption off", 1_700_000_100);

        ScanResult pr = TestRepos.iacScanner(io.watchkeeper.core.inventory.LiveConfigDirectory.NONE)
                .scan(new ScanRequest.PullRequest(dir, "main...feature"), ScanProgress.NONE);

        // the unencrypted storage the call now asks for, found in the module it instantiates
        assertThat(pr.findings()).extracting(Finding::ruleId, Finding::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("aws.rds.instance/unencrypted", "modules/db/main.tf"));
        assertThat(pr.findings().getFirst().message()).contains("module.orders.aws_db_instance.this");
    }

    @Test
    void historyScansEachBlobOnceAndNamesTheCommitThatIntroducedTheSecret() {
        String first = fake.github("ghp_");
        String second = fake.stripeLive();
        Git git = TestRepos.init(dir);
        RevCommit c1 = TestRepos.commit(git, files("a.py", "T = '" + first + "'\n"), "one", 1_700_000_000);
        // the file changes three times; the token stays at the same path
        TestRepos.commit(git, files("a.py", "X = 1\nT = '" + first + "'\n"), "two", 1_700_000_010);
        TestRepos.commit(git, files("a.py", "X = 2\nT = '" + first + "'\n", "copy.py", "T = '" + first + "'\n"), "three", 1_700_000_020);
        RevCommit c4 = TestRepos.commit(git, files("b.rb", "KEY = '" + second + "'\n"), "four", 1_700_000_030);
        TestRepos.commit(git, files("b.rb", null), "remove the key", 1_700_000_040);

        ScanResult history = TestRepos.scanner().scan(new ScanRequest.History(dir), ScanProgress.NONE);

        assertThat(history.findings()).extracting(Finding::path, Finding::commit).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.py", c1.name()),
                org.assertj.core.groups.Tuple.tuple("b.rb", c4.name()));
        // copy.py has the same content as a.py's first version: one blob, scanned once
        assertThat(history.stats().files()).isEqualTo(4);
        assertThat(history.stats().commits()).isEqualTo(5);

        // the tree of HEAD no longer has the Stripe key; the tree of commit four has it
        ScanResult head = TestRepos.scanner().scan(new ScanRequest.Commit(dir, "HEAD"), ScanProgress.NONE);
        assertThat(masked(head)).containsExactlyInAnyOrder("a.py:2", "copy.py:1");
        ScanResult four = TestRepos.scanner().scan(new ScanRequest.Commit(dir, c4.name()), ScanProgress.NONE);
        assertThat(four.findings()).extracting(Finding::ruleId).contains("stripe-live-secret-key");
    }

    @Test
    void fingerprintsSurviveRebasesAndEditsElsewhereButNotAMove() {
        String token = fake.github("ghp_");
        Git git = TestRepos.init(dir);
        TestRepos.commit(git, files("svc/client.py", "T = '" + token + "'\n"), "one", 1_700_000_000);
        Finding before = TestRepos.scanner().scan(new ScanRequest.WorkingTree(dir), ScanProgress.NONE).findings().getFirst();
        TestRepos.commit(git, files("svc/client.py", "import os\n\n\n# moved down by edits above\nT = '" + token + "'\n"), "two", 1_700_000_001);
        Finding after = TestRepos.scanner().scan(new ScanRequest.Commit(dir, "HEAD"), ScanProgress.NONE).findings().getFirst();
        assertThat(after.startLine()).isEqualTo(5);
        assertThat(after.fingerprint()).isEqualTo(before.fingerprint());
        assertThat(after.secretHash()).isEqualTo(before.secretHash()).hasSize(64).doesNotContain(token);
        assertThat(after.masked()).doesNotContain(token.substring(4, 10)).startsWith("ghp");
        TestRepos.commit(git, files("svc/client.py", null, "svc/other.py", "T = '" + token + "'\n"), "three", 1_700_000_002);
        Finding moved = TestRepos.scanner().scan(new ScanRequest.Commit(dir, "HEAD"), ScanProgress.NONE).findings().getFirst();
        assertThat(moved.fingerprint()).isNotEqualTo(before.fingerprint());
        assertThat(moved.secretHash()).isEqualTo(before.secretHash());
    }

    @Test
    void badInputIsInvalidInput() {
        assertThatThrownBy(() -> TestRepos.scanner().scan(new ScanRequest.History(dir), ScanProgress.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a git repository");
        assertThatThrownBy(() -> TestRepos.scanner().scan(new ScanRequest.WorkingTree(dir.resolve("missing")), ScanProgress.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a directory");
        TestRepos.init(dir);
        TestRepos.commit(TestRepos.init(dir), files("a.txt", "x\n"), "one", 1_700_000_000);
        assertThatThrownBy(() -> TestRepos.scanner().scan(new ScanRequest.Commit(dir, "--upload-pack=x"), ScanProgress.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bad revision");
    }
}
