package io.watchkeeper.auditors.gcp.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpLogSinkConfig;
import org.junit.jupiter.api.Test;

class ProjectNoAllEntriesSinkCheckTest {

    private final ProjectNoAllEntriesSinkCheck check = new ProjectNoAllEntriesSinkCheck();

    private static TestContext sinks(String... sinks) {
        TestContext context = new TestContext();
        for (String s : sinks) {
            GcpLogSinkConfig sink = Configs.lenient(GcpLogSinkConfig.class, s);
            context.with("gcp.logging.sink", "global", sink.name(), sink);
        }
        return context;
    }

    private static final String DEFAULT = "{'name':'_Default','destination':'logging.googleapis.com/projects/p/locations/global/"
            + "buckets/_Default','filter':'NOT LOG_ID(\\\"cloudaudit.googleapis.com/activity\\\")'}";

    @Test
    void onlyTheBuiltInFilteredSinksOrAnExcludingOneIsReported() {
        assertThat(check.evaluate(ProjectOsLoginDisabledCheckTest.project(""), sinks(DEFAULT))).singleElement()
                .satisfies(e -> assertThat(e.details().get("sinks").asString()).isEqualTo("_Default"));
        assertThat(check.evaluate(ProjectOsLoginDisabledCheckTest.project(""), sinks(DEFAULT,
                "{'name':'all','destination':'storage.googleapis.com/logs','filter':'','exclusions':[{'name':'x','filter':'severity<ERROR'}]}")))
                .hasSize(1);
        assertThat(check.evaluate(ProjectOsLoginDisabledCheckTest.project(""), new TestContext())).hasSize(1);
    }

    @Test
    void anEnabledSinkWithAnEmptyFilterPasses() {
        assertThat(check.evaluate(ProjectOsLoginDisabledCheckTest.project(""), sinks(DEFAULT,
                "{'name':'all','destination':'storage.googleapis.com/logs','filter':'','exclusions':[{'name':'x','filter':'a','disabled':true}]}")))
                .isEmpty();
        assertThat(check.evaluate(ProjectOsLoginDisabledCheckTest.project(""), sinks(
                "{'name':'all','destination':'storage.googleapis.com/logs','disabled':true}"))).hasSize(1);
    }
}
