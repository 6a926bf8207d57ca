package io.watchkeeper.web.console;

import static io.watchkeeper.iamtuner.testing.TunerScenario.APP;
import static io.watchkeeper.iamtuner.testing.TunerScenario.APP_INLINE;
import static io.watchkeeper.iamtuner.testing.TunerScenario.APP_TABLES;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.testing.Browser;
import io.watchkeeper.web.testing.TunerFixture;
import io.watchkeeper.web.testing.WebApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The IAM tuner's console pages in Chromium on moto: read evidence, plan one role (the plan with its proof),
 * schedule it (the owner notice is shown), apply it (policies read back from moto changed), roll it back
 * (byte-identical documents), and the granted-vs-used chart per account drawn as SVG without script.
 */
class TunerBrowserTest {

    private TunerFixture fixture;
    private WebApp app;
    private Browser browser;

    @BeforeEach
    void setUp() {
        fixture = new TunerFixture();
        app = WebApp.start("--watchkeeper.aws.regions=us-east-1");
        app.bean(AccountStore.class).add(new AccountSpec(Provider.AWS, "tuned", Moto.ACCOUNT_ID, AccountAccess.NONE,
                List.of("us-east-1"), Map.of(), false));
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
        fixture.close();
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

    @Test
    void planWithProofScheduleApplyAndRollBackInTheBrowser() {
        browser.driver.get(app.base + "/");
        byId("username").sendKeys("admin");
        byId("password").sendKeys(WebApp.ADMIN_PASSWORD);
        go(byId("sign-in"));

        browser.driver.get(app.base + "/tuner");
        assertThat(browser.driver.findElements(By.id("granted-used"))).as("no chart before any plan").isEmpty();
        go(byId("evidence-form").findElement(By.cssSelector("button[type=submit]")));
        assertThat(flash()).contains("Evidence read:").contains("log files");

        new Select(byId("plan-account")).selectByValue("tuned");
        byId("plan-form").findElement(By.name("principalArn")).sendKeys(APP);
        go(byId("plan-button"));
        assertThat(browser.driver.getCurrentUrl()).contains("/tuner/plans/");
        assertThat(byId("plan-status").getText()).isEqualTo("PLANNED");
        WebElement row = byId("principal-0");
        assertThat(row.getText()).contains(APP);
        assertThat(row.findElement(By.className("removed-count")).getText()).isEqualTo("4");
        assertThat(row.findElement(By.className("proof")).getText()).startsWith("holds: no new access over");

        go(byId("schedule"));
        assertThat(flash()).contains("scheduled; it may be applied after");
        assertThat(byId("plan-status").getText()).isEqualTo("SCHEDULED");
        assertThat(byId("notices").getText()).as("the owner tag names an address; no SMTP server is configured here")
                .contains("notice to team-app@example.com by e-mail to team-app@example.com FAILED")
                .contains("no SMTP server configured");

        go(byId("apply-now"));
        assertThat(flash()).contains("APPLIED").contains("1 changes");
        assertThat(byId("plan-status").getText()).isEqualTo("APPLIED");
        assertThat(fixture.inline("app", "app-inline")).isNotEqualTo(APP_INLINE);
        WebElement change = byId("plan-changes").findElements(By.cssSelector("tr[id^=change-]")).getFirst();
        assertThat(change.findElement(By.className("status")).getText()).isEqualTo("APPLIED");
        browser.screenshot("tuner-applied");

        change.findElement(By.name("reason")).sendKeys("browser test");
        go(change.findElement(By.className("rollback")));
        assertThat(flash()).contains("ROLLED_BACK");
        assertThat(fixture.inline("app", "app-inline")).isEqualTo(APP_INLINE);
        assertThat(fixture.inline("app", "app-tables")).isEqualTo(APP_TABLES);

        browser.driver.get(app.base + "/tuner");
        WebElement chart = byId("granted-used");
        assertThat(chart.getTagName()).isEqualTo("svg");
        assertThat(chart.getText()).contains("tuned");
        List<WebElement> used = chart.findElements(By.cssSelector("rect.used"));
        List<WebElement> removable = chart.findElements(By.cssSelector("rect.removable"));
        assertThat(used).hasSize(1);
        assertThat(removable).hasSize(1);
        assertThat(removable.getFirst().getAttribute("data-value")).isEqualTo("4");
        assertThat(Integer.parseInt(used.getFirst().getAttribute("width"))).isPositive();
        assertThat(chart.findElements(By.tagName("script"))).isEmpty();
        browser.screenshot("tuner-chart");
    }
}
