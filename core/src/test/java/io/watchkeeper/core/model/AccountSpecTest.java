package io.watchkeeper.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountSpecTest {

    private static AccountSpec aws(String name, String id, String role, String externalId, List<String> regions) {
        return new AccountSpec(Provider.AWS, name, id, new AccountAccess(role, externalId, null), regions, Map.of(), false);
    }

    @Test
    void acceptsAWellFormedAwsAccount() {
        AccountSpec spec = aws("prod", "123456789012", "arn:aws:iam::123456789012:role/Watchkeeper", "ext-1",
                List.of("eu-west-1", "us-east-1"));
        assertThat(spec.regions()).containsExactly("eu-west-1", "us-east-1");
    }

    @Test
    void rejectsMalformedInputWithAClearMessage() {
        assertThatThrownBy(() -> aws("prod", "1234", null, null, List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("12 digits");
        assertThatThrownBy(() -> aws("bad name!", "123456789012", null, null, List.of()))
                .hasMessageContaining("invalid account name");
        assertThatThrownBy(() -> aws("prod", "123456789012", "arn:aws:iam::12:role/x", null, List.of()))
                .hasMessageContaining("invalid role ARN");
        assertThatThrownBy(() -> aws("prod", "123456789012", null, "ext", List.of()))
                .hasMessageContaining("needs --role-arn");
        assertThatThrownBy(() -> aws("prod", "123456789012", null, null, List.of("mars-1")))
                .hasMessageContaining("invalid AWS region");
        assertThatThrownBy(() -> Provider.fromId("azure")).hasMessageContaining("unknown provider");
    }

    @Test
    void resourceTypesAreValidated() {
        assertThat(ResourceType.of("aws.s3.bucket").provider()).isEqualTo(Provider.AWS);
        assertThat(ResourceType.of("aws.s3.account-public-access-block").id()).endsWith("block");
        assertThatThrownBy(() -> ResourceType.of("s3")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ResourceType.of("aws.S3.Bucket")).isInstanceOf(InvalidInputException.class);
    }

    private static AccountSpec gcp(String projectId, String impersonate, String credentials, List<String> regions) {
        return new AccountSpec(Provider.GCP, "shop", projectId, new AccountAccess(impersonate, null, credentials), regions,
                Map.of(), false);
    }

    @Test
    void acceptsWellFormedGcpProjects() {
        assertThat(gcp("shop-prod-123", null, null, List.of()).externalId()).isEqualTo("shop-prod-123");
        assertThat(gcp("shop-prod", "reader@shop-prod.iam.gserviceaccount.com", "file:/etc/wk/key.json",
                List.of("europe-west1")).access().credentialsRef()).isEqualTo("file:/etc/wk/key.json");
        assertThat(gcp("shop-prod", null, "none", List.of()).access().credentialsRef()).isEqualTo("none");
    }

    @Test
    void rejectsMalformedGcpProjectsWithAClearMessage() {
        assertThatThrownBy(() -> gcp("Shop_Prod", null, null, List.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("invalid GCP project id");
        assertThatThrownBy(() -> gcp("shop-prod", "not-an-email", null, List.of()))
                .hasMessageContaining("invalid service account");
        assertThatThrownBy(() -> gcp("shop-prod", null, "file:relative/key.json", List.of()))
                .hasMessageContaining("invalid GCP credentials");
        assertThatThrownBy(() -> gcp("shop-prod", null, "file:/etc/../root/key.json", List.of()))
                .hasMessageContaining("invalid GCP credentials");
        assertThatThrownBy(() -> gcp("shop-prod", "r@shop-prod.iam.gserviceaccount.com", "none", List.of()))
                .hasMessageContaining("needs a source credential");
        assertThatThrownBy(() -> gcp("shop-prod", null, null, List.of("eu-west-1a")))
                .hasMessageContaining("invalid GCP region");
        assertThatThrownBy(() -> new AccountSpec(Provider.GCP, "shop", "shop-prod", new AccountAccess(null, "ext", null),
                List.of(), Map.of(), false)).hasMessageContaining("no external id");
    }
}
