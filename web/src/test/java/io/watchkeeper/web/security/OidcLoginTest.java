package io.watchkeeper.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.access.User;
import io.watchkeeper.core.access.UserStore;
import io.watchkeeper.oidctest.TestIdentityProvider;
import io.watchkeeper.web.testing.Browser;
import io.watchkeeper.web.testing.WebApp;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * OIDC login against a real provider (Spring Authorization Server on loopback), in a browser: the
 * first login creates a viewer linked to issuer + subject; roles come from Watchkeeper, not the
 * provider; a disabled user cannot come back through the provider.
 */
class OidcLoginTest {

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void signInAtProvider(Browser browser, String watchkeeper, int idpPort) {
        browser.driver.get(watchkeeper + "/login");
        browser.driver.findElement(By.linkText("Sign in with Test IdP")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains(":" + idpPort + "/"));
        browser.driver.findElement(By.id("username")).sendKeys(TestIdentityProvider.USER);
        browser.driver.findElement(By.id("password")).sendKeys(TestIdentityProvider.PASSWORD);
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(watchkeeper));
    }

    @Test
    void firstOidcLoginCreatesAViewerAndDisabledUsersAreRefused() throws Exception {
        int idpPort = freePort();
        int appPort = freePort();
        String registration = "spring.security.oauth2.client.registration.test.";
        try (ConfigurableApplicationContext idp = TestIdentityProvider.start(idpPort,
                "http://127.0.0.1:" + appPort + "/login/oauth2/code/test");
             WebApp app = WebApp.start("--server.port=" + appPort,
                     "--" + registration + "client-id=watchkeeper",
                     "--" + registration + "client-secret=watchkeeper-secret",
                     "--" + registration + "client-name=Test IdP",
                     "--" + registration + "scope=openid,profile",
                     "--" + registration + "redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                     "--" + registration + "authorization-grant-type=authorization_code",
                     "--" + registration + "provider=test",
                     "--spring.security.oauth2.client.provider.test.issuer-uri=http://127.0.0.1:" + idpPort);
             Browser browser = new Browser()) {
            String watchkeeper = "http://127.0.0.1:" + appPort;
            signInAtProvider(browser, watchkeeper, idpPort);
            browser.screenshot("oidc-signed-in");
            assertThat(browser.driver.findElement(By.cssSelector("header .me")).getText()).contains("alice (viewer)");

            UserStore users = app.bean(UserStore.class);
            User alice = users.find("alice").orElseThrow();
            assertThat(alice.role()).isEqualTo(Role.VIEWER);
            assertThat(alice.localPassword()).isFalse();
            assertThat(alice.oidcIssuer()).isEqualTo("http://127.0.0.1:" + idpPort);
            // a viewer from OIDC cannot reach admin pages
            browser.driver.get(watchkeeper + "/users");
            assertThat(browser.driver.getPageSource()).doesNotContain("Add a user");

            users.update(alice.id(), Role.VIEWER, AccountScope.ALL, false);
            browser.driver.manage().deleteAllCookies();
            browser.driver.get(watchkeeper + "/logout"); // fresh session either way
            signInAtProvider(browser, watchkeeper, idpPort);
            assertThat(browser.driver.getCurrentUrl()).contains("/login?error");
            assertThat(browser.driver.findElements(By.cssSelector("header .me"))).isEmpty();
        }
    }
}
