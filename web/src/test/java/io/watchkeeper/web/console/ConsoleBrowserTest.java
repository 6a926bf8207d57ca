package io.watchkeeper.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.testing.Browser;
import io.watchkeeper.web.testing.WebApp;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The "done when", in a real browser: a new user signs in with the one-time admin
 * password, must replace it first, adds an account (moto), scans from the console, searches, compares two revisions,
 * justifies a finding through the preview, plans a remediation that a second admin approves (four
 * eyes), applies and rolls back —
 * while hostile names and tags planted through the watcher path never execute.
 */
class ConsoleBrowserTest {

    private static final String REGION = "us-east-1";
    private static final String XSS_TAG = "<script>alert('xss-tag')</script>";
    private static final String XSS_DESC = "<img src=x onerror=alert('xss-desc')>";

    private final Moto moto = Moto.get();
    private WebApp app;
    private Browser browser;
    private Ec2Client ec2;
    private String groupId;

    @BeforeEach
    void setUp() {
        moto.reset();
        Moto.pointProductAt(moto.endpoint());
        ec2 = moto.client(Ec2Client.builder(), REGION);
        groupId = ec2.createSecurityGroup(r -> r.groupName("web-admin").description(XSS_DESC)).groupId();
        ec2.createTags(r -> r.resources(groupId).tags(Tag.builder().key("Name").value(XSS_TAG).build(),
                Tag.builder().key("env").value("prod").build()));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(22).toPort(22).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").description("temp").build()).build()));
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("browser-bucket"));
        app = WebApp.startWithGeneratedAdmin("--watchkeeper.aws.regions=" + REGION);
        browser = new Browser();
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private void open(String path) {
        browser.driver.get(app.base + path);
        assertThat(browser.alertOpen()).as("a script ran on " + path).isFalse();
    }

    /** Clicks something that loads a new page and waits until the old page is gone. */
    private void go(WebElement element) {
        browser.clickAndWaitForNextPage(element);
        assertThat(browser.alertOpen()).as("a script ran on " + browser.driver.getCurrentUrl()).isFalse();
    }

    private WebElement byId(String id) {
        return browser.driver.findElement(By.id(id));
    }

    private String flash() {
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("flash-ok")).isEmpty()
                || !d.findElements(By.id("flash-error")).isEmpty() || !d.findElements(By.id("problem-message")).isEmpty());
        List<WebElement> ok = browser.driver.findElements(By.id("flash-ok"));
        assertThat(ok).as("no success message on " + browser.driver.getCurrentUrl() + ": "
                + browser.driver.findElement(By.tagName("body")).getText()).isNotEmpty();
        return ok.getFirst().getText();
    }

    private void scanAndWait(String shot) {
        open("/scans");
        go(byId("start-scan"));
        WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(180), Duration.ofMillis(500));
        wait.until(d -> {
            d.navigate().refresh();
            List<WebElement> states = d.findElements(By.cssSelector("#scans td.state"));
            return !states.isEmpty() && !states.getFirst().getText().equals("running");
        });
        browser.screenshot(shot);
        assertThat(browser.driver.findElements(By.cssSelector("#scans td.state")).getFirst().getText()).isEqualTo("done");
    }

    private List<String> sshRules() {
        return ec2.describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().getFirst().ipPermissions().stream()
                .flatMap(p -> p.ipRanges().stream().map(ip -> p.fromPort() + ":" + ip.cidrIp())).toList();
    }

    @Test
    void newUserScansTriagesAndRemediatesInABrowser() throws Exception {
        // sign in with the one-time password from WATCHKEEPER_HOME
        String password = Files.readString(app.home.resolve("initial-admin-password")).strip();
        open("/");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/login");
        byId("username").sendKeys("admin");
        byId("password").sendKeys(password);
        go(byId("sign-in"));
        // the one-time password must be replaced before anything else; its file is then deleted
        assertThat(browser.driver.getCurrentUrl()).endsWith("/password");
        assertThat(byId("password-forced").getText()).contains("must choose a new password");
        open("/accounts");
        assertThat(browser.driver.getCurrentUrl()).as("nothing else is reachable").endsWith("/password");
        browser.screenshot("00-forced-password-change");
        byId("current-password").sendKeys(password);
        byId("new-password").sendKeys("the admin's own password");
        byId("confirm-password").sendKeys("the admin's own password");
        go(byId("change-password"));
        assertThat(flash()).contains("Password changed");
        assertThat(browser.driver.findElements(By.id("password-forced"))).isEmpty();
        assertThat(app.home.resolve("initial-admin-password")).doesNotExist();
        open("/");
        assertThat(byId("open-total").getText()).isEqualTo("0");
        browser.screenshot("01-dashboard-empty");

        // add the account
        open("/accounts");
        byId("account-name").sendKeys("moto");
        byId("account-id").sendKeys(Moto.ACCOUNT_ID);
        byId("account-regions").sendKeys(REGION);
        go(byId("add-account-button"));
        assertThat(flash()).contains("Added account moto");
        browser.screenshot("02-account-added");

        // scan from the console
        scanAndWait("03-scan-done");
        // a slow first computation (a busy machine) is served stale once while it refreshes in the background
        new WebDriverWait(browser.driver, Duration.ofSeconds(30), Duration.ofMillis(500)).until(d -> {
            open("/");
            return Integer.parseInt(byId("open-total").getText()) > 0;
        });
        assertThat(Integer.parseInt(byId("open-total").getText())).isPositive();
        browser.screenshot("04-dashboard");

        // search; the hostile tag is shown as text and never runs
        open("/items?tag=env%3Dprod");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#items tr td:first-child a"));
        assertThat(rows).hasSize(1);
        go(rows.getFirst());
        assertThat(browser.alertOpen()).isFalse();
        assertThat(byId("config").getText()).contains(XSS_TAG).contains(XSS_DESC);
        assertThat(browser.driver.findElements(By.cssSelector("#config img, #config script"))).isEmpty();
        String itemUrl = browser.driver.getCurrentUrl();
        browser.screenshot("05-item");

        // change the group, scan again, compare the two revisions side by side
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(443).toPort(443).ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build()));
        scanAndWait("06-second-scan");
        browser.driver.get(itemUrl);
        new Select(byId("from")).selectByValue("1");
        new Select(byId("to")).selectByValue("2");
        go(byId("compare"));
        assertThat(browser.driver.findElements(By.cssSelector("#diff span.add"))).isNotEmpty();
        assertThat(byId("diff").getText()).contains("10.0.0.0/8");
        assertThat(byId("patch").getText()).contains("\"op\"");
        browser.screenshot("07-diff");

        // justify an S3 finding through the exact preview
        open("/findings?type=aws.s3.bucket");
        List<WebElement> picks = browser.driver.findElements(By.cssSelector("#findings input[name=id]"));
        assertThat(picks).isNotEmpty();
        String pickedId = picks.getFirst().getAttribute("value");
        picks.getFirst().click();
        byId("reason").sendKeys("test bucket, no data");
        go(byId("preview-justify"));
        assertThat(browser.driver.findElements(By.cssSelector("#preview-changes tr"))).hasSize(2);
        browser.screenshot("08-justify-preview");
        go(byId("confirm-justify"));
        assertThat(flash()).isEqualTo("Justified 1 finding(s).");
        open("/findings/" + pickedId);
        assertThat(byId("finding-status").getText()).isEqualTo("JUSTIFIED");

        // remediation: approval mode, plan from the finding, approve, apply (verified), roll back
        open("/remediations");
        new Select(byId("mode-remediation")).selectByValue("aws.ec2.security-group/revoke-open-ingress");
        new Select(byId("mode-mode")).selectByValue("APPROVAL");
        go(byId("set-mode"));
        assertThat(flash()).contains("APPROVAL");
        open("/findings?check=aws.ec2.security-group%2Fadmin-port-open");
        go(browser.driver.findElement(By.cssSelector("#findings td a[href^='/findings/']")));
        go(byId("plan-remediation"));
        assertThat(flash()).contains("AWAITING_APPROVAL");
        browser.screenshot("09-queue");
        // four eyes: the admin planned it, so a second person approves it
        assertThat(browser.driver.findElements(By.cssSelector("button.approve"))).isEmpty();
        assertThat(browser.driver.findElement(By.cssSelector("#remediations .four-eyes")).getText()).contains("four eyes");
        app.user("bob", Role.ADMIN, Set.of());
        go(byId("logout"));
        open("/login");
        byId("username").sendKeys("bob");
        byId("password").sendKeys(WebApp.ADMIN_PASSWORD);
        go(byId("sign-in"));
        open("/remediations");
        go(browser.driver.findElement(By.cssSelector("button.approve")));
        assertThat(flash()).contains("APPROVED");
        go(browser.driver.findElement(By.cssSelector("button.apply")));
        assertThat(flash()).contains("VERIFIED");
        assertThat(sshRules()).doesNotContain("22:0.0.0.0/0");
        browser.screenshot("10-applied");
        go(browser.driver.findElement(By.cssSelector("button.rollback")));
        assertThat(flash()).contains("ROLLED_BACK");
        assertThat(sshRules()).contains("22:0.0.0.0/0");
        browser.screenshot("11-rolled-back");

        // every page of the console stays script-free with the hostile data in place
        for (String page : List.of("/", "/items", "/findings", "/remediations", "/accounts", "/checks", "/scans",
                "/audit-log", "/users", "/tokens", "/password")) {
            open(page);
        }
        open("/audit-log");
        assertThat(byId("audit-log").getText()).contains("finding.justify").contains("remediation.approve")
                .contains("account.add").contains("scan.start");
    }
}
