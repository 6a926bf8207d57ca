package io.watchkeeper.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.access.User;
import io.watchkeeper.core.access.UserStore;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.oidctest.TestIdentityProvider;
import io.watchkeeper.web.testing.Browser;
import io.watchkeeper.web.testing.WebApp;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * OIDC login against a real provider (Spring Authorization Server on loopback), in a browser: by
 * default an unknown identity is refused; when configured, the first login creates a user with the
 * configured role and accounts (none unless listed), linked to issuer + subject; roles come from
 * Watchkeeper, not the provider; a disabled user cannot come back through the provider.
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

    /** The app with a registered client for the test provider, plus {@code extra} settings. */
    private static WebApp watchkeeper(int appPort, int idpPort, String... extra) {
        String registration = "spring.security.oauth2.client.registration.test.";
        List<String> args = new ArrayList<>(List.of("--server.port=" + appPort,
                "--" + registration + "client-id=watchkeeper",
                "--" + registration + "client-secret=watchkeeper-secret",
                "--" + registration + "client-name=Test IdP",
                "--" + registration + "scope=openid,profile",
                "--" + registration + "redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                "--" + registration + "authorization-grant-type=authorization_code",
                "--" + registration + "provider=test",
                "--spring.security.oauth2.client.provider.test.issuer-uri=http://127.0.0.1:" + idpPort));
        args.addAll(List.of(extra));
        return WebApp.start(args.toArray(String[]::new));
    }

    @Test
    void byDefaultAnUnknownIdentityIsRefusedAndNoUserIsCreated() throws Exception {
        int idpPort = freePort();
        int appPort = freePort();
        try (ConfigurableApplicationContext idp = TestIdentityProvider.start(idpPort,
                "http://127.0.0.1:" + appPort + "/login/oauth2/code/test");
             WebApp app = watchkeeper(appPort, idpPort);
             Browser browser = new Browser()) {
            String watchkeeper = "http://127.0.0.1:" + appPort;
            signInAtProvider(browser, watchkeeper, idpPort);
            assertThat(browser.driver.getCurrentUrl()).contains("/login?error");
            assertThat(browser.driver.findElements(By.cssSelector("header .me"))).isEmpty();
            assertThat(app.bean(UserStore.class).find(TestIdentityProvider.USER)).isEmpty();
            assertThat(app.bean(UserStore.class).count()).isOne(); // the initial admin only
            browser.driver.get(watchkeeper + "/items");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/login");
        }
    }

    @Test
    void aConfiguredRoleCreatesAUserLimitedToTheConfiguredAccountsAndDisabledUsersAreRefused() throws Exception {
        int idpPort = freePort();
        int appPort = freePort();
        try (ConfigurableApplicationContext idp = TestIdentityProvider.start(idpPort,
                "http://127.0.0.1:" + appPort + "/login/oauth2/code/test");
             WebApp app = watchkeeper(appPort, idpPort, "--watchkeeper.security.oidc-new-user-role=viewer",
                     "--watchkeeper.security.oidc-new-user-accounts=prod,not-registered");
             Browser browser = new Browser()) {
            long prod = app.bean(AccountStore.class).add(new AccountSpec(Provider.AWS, "prod", "111111111111",
                    AccountAccess.NONE, List.of("us-east-1"), Map.of(), false)).id();
            app.bean(AccountStore.class).add(new AccountSpec(Provider.AWS, "dev", "222222222222",
                    AccountAccess.NONE, List.of("us-east-1"), Map.of(), false));
            String watchkeeper = "http://127.0.0.1:" + appPort;
            signInAtProvider(browser, watchkeeper, idpPort);
            browser.screenshot("oidc-signed-in");
            assertThat(browser.driver.findElement(By.cssSelector("header .me")).getText()).contains("alice (viewer)");

            UserStore users = app.bean(UserStore.class);
            User alice = users.find("alice").orElseThrow();
            assertThat(alice.role()).isEqualTo(Role.VIEWER);
            assertThat(alice.scope()).isEqualTo(AccountScope.of(Set.of(prod)));
            assertThat(alice.localPassword()).isFalse();
            assertThat(alice.oidcIssuer()).isEqualTo("http://127.0.0.1:" + idpPort);
            // a viewer from OIDC cannot reach admin pages, and sees only the configured accounts
            browser.driver.get(watchkeeper + "/users");
            assertThat(browser.driver.getPageSource()).doesNotContain("Add a user");
            browser.driver.get(watchkeeper + "/accounts");
            assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("prod").doesNotContain("dev");

            users.update(alice.id(), Role.VIEWER, AccountScope.ALL, false);
            browser.driver.manage().deleteAllCookies();
            browser.driver.get(watchkeeper + "/logout"); // fresh session either way
            signInAtProvider(browser, watchkeeper, idpPort);
            assertThat(browser.driver.getCurrentUrl()).contains("/login?error");
            assertThat(browser.driver.findElements(By.cssSelector("header .me"))).isEmpty();
        }
    }

    @Test
    void anEmptyAccountListMeansNoAccountsNotAll() {
        assertThat(OidcLogins.newUserScope(List.of(), name -> java.util.Optional.of(7L))).isEqualTo(AccountScope.of(Set.of()));
        assertThat(OidcLogins.newUserScope(List.of("*"), name -> java.util.Optional.empty())).isEqualTo(AccountScope.ALL);
        assertThat(OidcLogins.newUserScope(List.of("prod", "gone"), name -> name.equals("prod")
                ? java.util.Optional.of(7L) : java.util.Optional.empty())).isEqualTo(AccountScope.of(Set.of(7L)));
    }
}
