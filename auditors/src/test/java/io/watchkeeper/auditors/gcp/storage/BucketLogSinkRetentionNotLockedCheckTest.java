package io.watchkeeper.auditors.gcp.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpLogSinkConfig;
import org.junit.jupiter.api.Test;

class BucketLogSinkRetentionNotLockedCheckTest {

    private final BucketLogSinkRetentionNotLockedCheck check = new BucketLogSinkRetentionNotLockedCheck();

    private static TestContext sinkTo(String destination, boolean disabled) {
        return new TestContext().with("gcp.logging.sink", "global", "all", Configs.lenient(GcpLogSinkConfig.class,
                "{'name':'all','destination':'" + destination + "','filter':'','disabled':" + disabled + "}"));
    }

    @Test
    void aSinkDestinationWithoutALockedRetentionIsReported() {
        assertThat(check.evaluate(BucketPublicCheckTest.bucket(""), sinkTo("storage.googleapis.com/b", false))).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("no retention policy"));
        assertThat(check.evaluate(BucketPublicCheckTest.bucket(",'retentionPeriodSeconds':86400,'retentionLocked':false"),
                sinkTo("storage.googleapis.com/b", false))).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("unlocked"));
    }

    @Test
    void lockedRetentionOtherBucketsAndDisabledSinksAreNot() {
        assertThat(check.evaluate(BucketPublicCheckTest.bucket(",'retentionPeriodSeconds':86400,'retentionLocked':true"),
                sinkTo("storage.googleapis.com/b", false))).isEmpty();
        assertThat(check.evaluate(BucketPublicCheckTest.bucket(""), sinkTo("storage.googleapis.com/b-logs", false))).isEmpty();
        assertThat(check.evaluate(BucketPublicCheckTest.bucket(""), sinkTo("storage.googleapis.com/b", true))).isEmpty();
    }
}
