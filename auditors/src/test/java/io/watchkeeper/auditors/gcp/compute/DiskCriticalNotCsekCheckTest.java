package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpDiskConfig;
import io.watchkeeper.core.config.gcp.GcpInstanceConfig;
import org.junit.jupiter.api.Test;

class DiskCriticalNotCsekCheckTest {

    private final DiskCriticalNotCsekCheck check = new DiskCriticalNotCsekCheck();

    static GcpDiskConfig disk(String encryption, String labels, String... users) {
        return Configs.lenient(GcpDiskConfig.class, "{'name':'d','zone':'europe-west1-b','encryption':'" + encryption
                + "','labels':{" + labels + "},'users':[" + (users.length == 0 ? "" : "'" + String.join("','", users) + "'") + "]}");
    }

    static TestContext withVm(String zone, String name, String labels) {
        return new TestContext().with("gcp.compute.instance", "europe-west1", name, Configs.lenient(GcpInstanceConfig.class,
                "{'name':'" + name + "','zone':'" + zone + "','labels':{" + labels + "}}"));
    }

    private static final String VM = "projects/p/zones/europe-west1-b/instances/db";

    @Test
    void aCriticalDiskWithoutACustomerSuppliedKeyIsReported() {
        assertThat(check.evaluate(disk("GOOGLE", "'watchkeeper-critical':'true'"), new TestContext())).singleElement()
                .satisfies(e -> assertThat(e.details().get("criticalBy").asString()).isEqualTo("the disk"));
        // a Cloud KMS key is not a customer-supplied one
        assertThat(check.evaluate(disk("CMEK", "'watchkeeper-critical':'TRUE'"), new TestContext())).hasSize(1);
    }

    @Test
    void aDiskOfACriticalVmIsCriticalToo() {
        assertThat(check.evaluate(disk("GOOGLE", "", VM), withVm("europe-west1-b", "db", "'watchkeeper-critical':'true'")))
                .singleElement().satisfies(e -> assertThat(e.details().get("criticalBy").asString())
                        .isEqualTo("instance europe-west1-b/db"));
    }

    @Test
    void unmarkedDisksAndCsekDisksAreNeverReported() {
        // without the label nothing fires, whatever the key: criticality is the owner's declaration
        assertThat(check.evaluate(disk("GOOGLE", "'team':'web'", VM), withVm("europe-west1-b", "db", "'team':'web'"))).isEmpty();
        // look-alikes: the label with another value, a critical VM of the same name in another zone
        assertThat(check.evaluate(disk("GOOGLE", "'watchkeeper-critical':'false'"), new TestContext())).isEmpty();
        assertThat(check.evaluate(disk("GOOGLE", "", VM), withVm("europe-west1-c", "db", "'watchkeeper-critical':'true'")))
                .isEmpty();
        assertThat(check.evaluate(disk("CSEK", "'watchkeeper-critical':'true'", VM),
                withVm("europe-west1-b", "db", "'watchkeeper-critical':'true'"))).isEmpty();
    }
}
