package io.watchkeeper.auditors.gcp.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpBigQueryDatasetConfig;
import org.junit.jupiter.api.Test;

class DatasetNoDefaultCmekCheckTest {

    private final DatasetNoDefaultCmekCheck check = new DatasetNoDefaultCmekCheck();

    @Test
    void noDefaultKeyIsReportedAKeyIsNot() {
        assertThat(check.evaluate(DatasetPublicCheckTest.dataset(""), new TestContext())).hasSize(1);
        assertThat(check.evaluate(Configs.lenient(GcpBigQueryDatasetConfig.class, "{'datasetId':'d','defaultKmsKeyName':"
                + "'projects/p/locations/us/keyRings/r/cryptoKeys/k'}"), new TestContext())).isEmpty();
    }
}
