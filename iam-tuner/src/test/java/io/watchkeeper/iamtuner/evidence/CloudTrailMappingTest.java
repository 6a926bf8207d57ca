package io.watchkeeper.iamtuner.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping file is data: every target exists in the catalogue, every data-event pattern matches something. */
class CloudTrailMappingTest {

    private final ActionCatalog catalog = ActionCatalog.bundled();
    private final CloudTrailMapping mapping = CloudTrailMapping.load(catalog);

    private List<String> map(String source, String name) {
        return Arrays.stream(mapping.map(source, name).actions()).mapToObj(i -> catalog.action(i).qualified()).toList();
    }

    @Test
    void everyIrregularTargetIsACatalogueAction() {
        mapping.eventNameOverrides().forEach((event, targets) -> targets.forEach(t ->
                assertThat(catalog.find(t)).as(event + " -> " + t).isPresent()));
        mapping.dataEventTable().forEach((type, actions) -> assertThat(actions.isEmpty()).as(type).isFalse());
    }

    @Test
    void regularIrregularAndUnknownEvents() {
        assertThat(map("iam.amazonaws.com", "CreateRole")).containsExactly("iam:CreateRole");
        assertThat(map("s3.amazonaws.com", "ListBuckets")).containsExactly("s3:ListAllMyBuckets");
        assertThat(map("s3.amazonaws.com", "CopyObject")).containsExactlyInAnyOrder("s3:GetObject", "s3:PutObject");
        assertThat(map("lambda.amazonaws.com", "CreateFunction20150331")).containsExactly("lambda:CreateFunction");
        assertThat(map("lambda.amazonaws.com", "Invoke")).containsExactly("lambda:InvokeFunction");
        assertThat(map("monitoring.amazonaws.com", "GetMetricData")).containsExactly("cloudwatch:GetMetricData");
        assertThat(map("email.amazonaws.com", "SendEmail")).containsExactly("ses:SendEmail");
        assertThat(mapping.map("s3.amazonaws.com", "NoSuchOperation").mapped()).isFalse();
        assertThat(mapping.map("nosuchservice.amazonaws.com", "Anything").mapped()).isFalse();
        assertThat(mapping.map("signin.amazonaws.com", "ConsoleLogin").ignored()).isTrue();
    }

    @Test
    void dataEventsAreKnownByType() {
        int get = catalog.find("s3:GetObject").getAsInt();
        assertThat(mapping.isDataEvent(get)).isTrue();
        assertThat(mapping.dataActions("AWS::S3::Object").get(get)).isTrue();
        assertThat(mapping.isDataEvent(catalog.find("s3:PutBucketPolicy").getAsInt())).isFalse();
        assertThat(mapping.isDataEvent(catalog.find("lambda:InvokeFunction").getAsInt())).isTrue();
        assertThat(mapping.dataActions("AWS::Nothing").isEmpty()).isTrue();
    }
}
