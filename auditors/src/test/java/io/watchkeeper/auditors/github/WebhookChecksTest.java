package io.watchkeeper.auditors.github;

import static io.watchkeeper.auditors.github.GitHubCheckTesting.keys;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookChecksTest {

    private static final String GOOD = "{'owner':'repository','repository':'web','id':9,'active':true,'urlScheme':'https',"
            + "'urlHost':'hooks.example.com','insecureSsl':false,'secretSet':true}";

    @Test
    void aSecuredWebhookPasses() {
        for (String id : new String[] {"plain-http", "tls-verification-off", "no-secret"}) {
            assertThat(keys("github.webhook/" + id, GOOD)).as(id).isEmpty();
        }
    }

    @Test
    void plainHttpTlsOffAndNoSecret() {
        String http = GOOD.replace("'https'", "'http'").replace("'insecureSsl':false", "'insecureSsl':true");
        assertThat(keys("github.webhook/plain-http", http)).containsExactly("http");
        assertThat(keys("github.webhook/tls-verification-off", http)).as("over http the http finding is the one").isEmpty();
        assertThat(keys("github.webhook/tls-verification-off", GOOD.replace("'insecureSsl':false", "'insecureSsl':true")))
                .containsExactly("insecure-ssl");
        assertThat(keys("github.webhook/no-secret", GOOD.replace("'secretSet':true", "'secretSet':false")))
                .containsExactly("no-secret");
    }

    @Test
    void anInactiveWebhookDeliversNothing() {
        String bad = GOOD.replace("'https'", "'http'").replace("'secretSet':true", "'secretSet':false");
        assertThat(keys("github.webhook/plain-http", bad.replace("'active':true", "'active':false"))).isEmpty();
        assertThat(keys("github.webhook/no-secret", bad.replace("'active':true", "'active':false"))).isEmpty();
        assertThat(keys("github.webhook/plain-http", bad)).containsExactly("http");
    }
}
