package io.watchkeeper.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.cert.AuthorityPolicy;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.web.cert.AuthorityAdmin;
import io.watchkeeper.web.cert.CertificateOperations;
import io.watchkeeper.web.testing.Browser;
import io.watchkeeper.web.testing.WebApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Certificates in a real browser: issue from the console, see it in the inventory with its expiry,
 * its page with the chain, deployment and history; revoking a deployed certificate stops at a
 * confirmation that lists what would be removed; revoke-and-replace; the authorities page; a
 * hostile owner note stays text.
 */
class CertificatesBrowserTest {

    private static final String XSS_NOTE = "<img src=x onerror=alert('xss-note')>";

    @TempDir
    Path dir;

    private WebApp app;
    private Browser browser;

    @BeforeEach
    void setUp() {
        app = WebApp.start();
        app.db.dsl().execute("INSERT INTO account (provider, name, external_id) VALUES ('aws', 'prod', '111111111111')");
        app.bean(AuthorityAdmin.class).create(new AuthorityAdmin.NewAuthority("web-ca", "Web CA", null, KeyType.EC_P256,
                Duration.ofDays(365), new AuthorityPolicy(null, null, List.of("example.test"), false, false, Set.of(), null),
                false, List.of("prod")), WebApp.SYSTEM_ADMIN);
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

    private void go(WebElement element) {
        browser.clickAndWaitForNextPage(element);
        assertThat(browser.alertOpen()).as("a script ran on " + browser.driver.getCurrentUrl()).isFalse();
    }

    private WebElement byId(String id) {
        return browser.driver.findElement(By.id(id));
    }

    private String flash() {
        List<WebElement> ok = browser.driver.findElements(By.id("flash-ok"));
        assertThat(ok).as("no success message on " + browser.driver.getCurrentUrl() + ": "
                + browser.driver.findElement(By.tagName("body")).getText()).isNotEmpty();
        return ok.getFirst().getText();
    }

    private long issue(String cn, String sans) {
        open("/certificates");
        go(byId("issue-link"));
        new Select(byId("issue-authority")).selectByValue("web-ca");
        byId("issue-cn").sendKeys(cn);
        byId("issue-sans").sendKeys(sans);
        new Select(byId("issue-account")).selectByValue("prod");
        go(byId("issue-submit"));
        String message = flash();
        assertThat(message).startsWith("Issued certificate ");
        return Long.parseLong(message.replaceAll("\\D", ""));
    }

    @Test
    void issueInspectRevokeWithConfirmationAndReplace() throws Exception {
        open("/");
        byId("username").sendKeys("admin");
        byId("password").sendKeys(WebApp.ADMIN_PASSWORD);
        go(byId("sign-in"));
        open("/certificates");
        assertThat(browser.driver.findElements(By.cssSelector("#certificates tr"))).hasSize(1); // header only

        long id = issue("shop.example.test", "api.shop.example.test");
        assertThat(byId("cert-status").getText()).isEqualTo("ACTIVE");
        assertThat(byId("cert-owner").getText()).isEqualTo("admin");
        assertThat(byId("details").getText()).contains("shop.example.test, api.shop.example.test", "prod", "web-ca");
        assertThat(byId("chain").getText()).contains("BEGIN CERTIFICATE");
        assertThat(byId("history").getText()).contains("issued");
        browser.screenshot("certificates-01-page");

        // deployed (by the CLI's path), verified, and shown so
        Path prefix = dir.resolve("tls/shop");
        assertThat(app.bean(CertificateOperations.class).deploy(id, new CertificateOperations.Destination(prefix.toString(),
                List.of(), null, null, null, null), WebApp.SYSTEM_ADMIN).verified()).isTrue();
        open("/certificates/" + id);
        assertThat(byId("deployments").getText()).contains(prefix.toString(), "VERIFIED");

        // the inventory with its expiry, filtered by authority and status
        open("/certificates?authority=web-ca&status=ACTIVE&expiringDays=120");
        List<WebElement> cells = browser.driver.findElements(By.cssSelector("#certificates tr:nth-child(2) td"));
        assertThat(cells.get(1).getText()).isEqualTo("shop.example.test, api.shop.example.test");
        assertThat(Integer.parseInt(cells.get(4).getText())).isBetween(89, 90);
        open("/certificates?status=REVOKED");
        assertThat(browser.driver.findElements(By.cssSelector("#certificates tr"))).hasSize(1);

        // revoking a deployed certificate stops at a confirmation that names what would be removed
        open("/certificates/" + id);
        new Select(byId("revoke-reason")).selectByValue("cessation-of-operation");
        go(byId("revoke"));
        assertThat(byId("removals").getText()).contains("pem-file", prefix.toString());
        assertThat(Files.exists(Path.of(prefix + ".crt"))).as("nothing happened yet").isTrue();
        browser.screenshot("certificates-02-confirm-revoke");
        go(byId("confirm-revoke"));
        assertThat(flash()).contains("revoked", "removed from 1 destination");
        assertThat(byId("cert-status").getText()).isEqualTo("REVOKED");
        assertThat(Files.exists(Path.of(prefix + ".crt"))).isFalse();

        // incident response: revoke and replace in one step
        long second = issue("pay.example.test", "");
        go(byId("revoke-and-replace"));
        assertThat(flash()).contains("Certificate " + second + " revoked; replaced by certificate ");
        assertThat(byId("lineage").getText()).contains(Long.toString(second));

        // a hostile owner note (say, migrated from free text) is text, never markup
        app.db.dsl().execute("UPDATE certificate SET owner_note = ?, owner_user_id = NULL WHERE id = ?", XSS_NOTE, second);
        open("/certificates/" + second);
        assertThat(byId("cert-owner").getText()).contains(XSS_NOTE);
        open("/certificates");
        assertThat(byId("certificates").getText()).contains(XSS_NOTE);

        open("/authorities");
        assertThat(byId("authorities").getText()).contains("web-ca", "example.test", "prod");
        browser.screenshot("certificates-03-authorities");
    }
}
