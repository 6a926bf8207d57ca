package io.watchkeeper.auditors.gcp.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import org.junit.jupiter.api.Test;

class SqlInstanceSslNotRequiredCheckTest {

    private final SqlInstanceSslNotRequiredCheck check = new SqlInstanceSslNotRequiredCheck();

    @Test
    void unencryptedAllowedIsReported() {
        assertThat(check.evaluate(SqlConfigs.sql("MYSQL_8_0", ",'sslMode':'ALLOW_UNENCRYPTED_AND_ENCRYPTED','requireSsl':true"),
                new TestContext())).as("the SSL mode decides").hasSize(1);
        assertThat(check.evaluate(SqlConfigs.sql("MYSQL_8_0", ""), new TestContext())).hasSize(1);
    }

    @Test
    void encryptedOnlyCertificatesOrLegacyRequireSslPass() {
        assertThat(check.evaluate(SqlConfigs.sql("MYSQL_8_0", ",'sslMode':'ENCRYPTED_ONLY'"), new TestContext())).isEmpty();
        assertThat(check.evaluate(SqlConfigs.sql("MYSQL_8_0", ",'sslMode':'TRUSTED_CLIENT_CERTIFICATE_REQUIRED'"), new TestContext())).isEmpty();
        assertThat(check.evaluate(SqlConfigs.sql("MYSQL_8_0", ",'requireSsl':true"), new TestContext())).isEmpty();
    }
}
