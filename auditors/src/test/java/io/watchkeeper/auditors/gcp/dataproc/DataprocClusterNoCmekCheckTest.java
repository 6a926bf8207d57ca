package io.watchkeeper.auditors.gcp.dataproc;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpDataprocClusterConfig;
import org.junit.jupiter.api.Test;

class DataprocClusterNoCmekCheckTest {

    private final DataprocClusterNoCmekCheck check = new DataprocClusterNoCmekCheck();

    @Test
    void aClusterWithoutADiskKeyIsReported() {
        assertThat(check.evaluate(Configs.lenient(GcpDataprocClusterConfig.class, "{'clusterName':'c','state':'RUNNING'}"),
                new TestContext())).hasSize(1);
        // a key for job arguments only does not encrypt the disks
        assertThat(check.evaluate(Configs.lenient(GcpDataprocClusterConfig.class, "{'clusterName':'c','gcePdKmsKeyName':'',"
                + "'kmsKey':'projects/p/locations/l/keyRings/r/cryptoKeys/k'}"), new TestContext())).hasSize(1);
    }

    @Test
    void aClusterWithADiskKeyIsNot() {
        assertThat(check.evaluate(Configs.lenient(GcpDataprocClusterConfig.class, "{'clusterName':'c',"
                + "'gcePdKmsKeyName':'projects/p/locations/l/keyRings/r/cryptoKeys/k'}"), new TestContext())).isEmpty();
    }
}
