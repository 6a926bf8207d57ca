package io.watchkeeper.oidctest;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server on loopback with one client
 * ({@code watchkeeper}) and one user ({@code alice}). Lives outside {@code io.watchkeeper.web} so
 * the Watchkeeper application never scans it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
    "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration",
    "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
    "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration"})
public class TestIdentityProvider {

    public static final String USER = "alice";
    public static final String PASSWORD = "alice-password-123";

    /** Starts the provider; {@code redirectUri} is Watchkeeper's {@code /login/oauth2/code/<id>}. */
    public static ConfigurableApplicationContext start(int port, String redirectUri) {
        SpringApplication app = new SpringApplication(TestIdentityProvider.class);
        Map<String, Object> p = new HashMap<>();
        String client = "spring.security.oauth2.authorizationserver.client.watchkeeper.";
        p.put("server.port", port);
        p.put("server.address", "127.0.0.1");
        p.put("spring.application.name", "test-idp");
        p.put("server.servlet.session.cookie.name", "IDP_SESSION");
        p.put("spring.security.oauth2.authorizationserver.issuer", "http://127.0.0.1:" + port);
        p.put(client + "registration.client-id", "watchkeeper");
        p.put(client + "registration.client-secret", "{noop}watchkeeper-secret");
        p.put(client + "registration.client-authentication-methods", "client_secret_basic");
        p.put(client + "registration.authorization-grant-types", "authorization_code");
        p.put(client + "registration.redirect-uris", redirectUri);
        p.put(client + "registration.scopes", "openid,profile");
        p.put(client + "require-authorization-consent", "false");
        p.put("spring.security.user.name", USER);
        p.put("spring.security.user.password", PASSWORD);
        p.put("management.endpoints.enabled-by-default", "false");
        // command-line arguments: they win over the Watchkeeper application.properties on the same classpath
        return app.run(p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
