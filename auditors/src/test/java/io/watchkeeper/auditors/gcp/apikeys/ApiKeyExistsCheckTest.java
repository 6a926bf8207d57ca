package io.watchkeeper.auditors.gcp.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpApiKeyConfig;
import org.junit.jupiter.api.Test;

class ApiKeyExistsCheckTest {

    private final ApiKeyExistsCheck check = new ApiKeyExistsCheck();

    @Test
    void everyKeyIsListedAKeyWithoutIdentityIsNot() {
        assertThat(check.evaluate(Keys.key(""), new TestContext())).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("API key maps exists"));
        assertThat(check.evaluate(Configs.lenient(GcpApiKeyConfig.class, "{}"), new TestContext())).isEmpty();
    }
}
