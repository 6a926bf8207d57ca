package io.watchkeeper.auditors.gcp.compute;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpInstanceConfig;
import io.watchkeeper.core.config.gcp.GcpProjectConfig;

/** VMs and projects for the instance check tests. */
final class VmConfigs {

    static final String DEFAULT_SA = "123456789012-compute@developer.gserviceaccount.com";
    static final String ALL_APIS = "https://www.googleapis.com/auth/cloud-platform";

    private VmConfigs() {}

    /** A VM named {@code name} with extra JSON members. */
    static GcpInstanceConfig vm(String name, String extra) {
        return Configs.lenient(GcpInstanceConfig.class, "{'name':'" + name + "','zone':'us-central1-a'" + extra + "}");
    }

    static GcpInstanceConfig vm(String extra) {
        return vm("web-1", extra);
    }

    /** A context whose project has the given extra JSON members. */
    static TestContext project(String extra) {
        return new TestContext().with("gcp.project", "global", "p",
                Configs.lenient(GcpProjectConfig.class, "{'projectId':'p'" + extra + "}"));
    }
}
