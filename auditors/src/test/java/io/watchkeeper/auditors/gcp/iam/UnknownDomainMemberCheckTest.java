package io.watchkeeper.auditors.gcp.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpBucketConfig;
import io.watchkeeper.core.config.gcp.GcpOrganizationIamPolicyConfig;
import io.watchkeeper.core.config.gcp.GcpProjectIamPolicyConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class UnknownDomainMemberCheckTest {

    private static final String MEMBERS = "['user:a@custodian.com','group:ops@eu.custodian.com','user:b@vendor.example',"
            + "'domain:partner.example','user:c@gmail.com','serviceAccount:s@other.iam.gserviceaccount.com',"
            + "'user:d@custodian.com.evil.example']";

    private static TestContext withOrganisation() {
        return new TestContext().with("gcp.organization.iam-policy", "global", "org",
                Configs.lenient(GcpOrganizationIamPolicyConfig.class, "{'organizationId':'111111111111','displayName':'custodian.com'}"));
    }

    @Test
    void membersOfOtherDomainsAreUnknownButTheOrganisationsOwnAndConsumerOnesAreNotReportedHere() {
        Check<GcpProjectIamPolicyConfig> check = GcpIamPolicyChecks.get("gcp.project.iam-policy/unknown-domain-member");
        var config = Configs.lenient(GcpProjectIamPolicyConfig.class, "{'projectId':'p','policy':{'bindings':[{'role':'roles/editor',"
                + "'members':" + MEMBERS + "}]}}");
        var evidence = check.evaluate(config, withOrganisation());
        assertThat(evidence).extracting(Evidence::key).containsExactly("member:roles/editor:user:b@vendor.example",
                "member:roles/editor:domain:partner.example", "member:roles/editor:user:d@custodian.com.evil.example");
        assertThat(evidence).extracting(Evidence::exposure).containsOnly(Exposure.UNKNOWN_ACCOUNT);
    }

    @Test
    void withoutAKnownOrganisationNothingIsReported() {
        Check<GcpBucketConfig> check = GcpIamPolicyChecks.get("gcp.storage.bucket/unknown-domain-member");
        var bucket = Configs.lenient(GcpBucketConfig.class, "{'name':'b','policy':{'bindings':[{'role':'roles/storage.admin',"
                + "'members':" + MEMBERS + "}]}}");
        assertThat(check.evaluate(bucket, new TestContext())).isEmpty();
        assertThat(check.evaluate(bucket, withOrganisation())).hasSize(3);
    }

    @Test
    void theOrganisationPolicyKnowsItsOwnDomain() {
        Check<GcpOrganizationIamPolicyConfig> check = GcpIamPolicyChecks.get("gcp.organization.iam-policy/unknown-domain-member");
        var org = Configs.lenient(GcpOrganizationIamPolicyConfig.class, "{'organizationId':'1','displayName':'custodian.com',"
                + "'policy':{'bindings':[{'role':'roles/owner','members':['user:a@custodian.com','user:x@else.example']}]}}");
        assertThat(check.evaluate(org, new TestContext())).extracting(Evidence::key)
                .containsExactly("member:roles/owner:user:x@else.example");
    }

    @Test
    void membersOfDeclaredTrustedDomainsAreKnownLookAlikesAndConsumerAccountsAreNot() {
        Check<GcpProjectIamPolicyConfig> check = GcpIamPolicyChecks.get("gcp.project.iam-policy/unknown-domain-member");
        var config = Configs.lenient(GcpProjectIamPolicyConfig.class, "{'projectId':'p','policy':{'bindings':[{'role':'roles/viewer',"
                + "'members':['user:b@vendor.example','group:ops@eu.vendor.example','domain:partner.example',"
                + "'user:x@vendor.example.evil.io','user:y@evilvendor.example','user:c@gmail.com']}]}}");
        var evidence = check.evaluate(config, withOrganisation().trustingDomains("Vendor.Example.", "partner.example", "gmail.com"));
        // trusted: vendor.example and its subdomains, partner.example; look-alikes stay unknown
        assertThat(evidence).extracting(Evidence::key).containsExactly("member:roles/viewer:user:x@vendor.example.evil.io",
                "member:roles/viewer:user:y@evilvendor.example");
        // the consumer account is still reported, by its own check, even with gmail.com declared trusted
        Check<GcpProjectIamPolicyConfig> consumer = GcpIamPolicyChecks.get("gcp.project.iam-policy/consumer-account-member");
        assertThat(consumer.evaluate(config, withOrganisation().trustingDomains("gmail.com"))).extracting(Evidence::key)
                .singleElement().asString().contains("user:c@gmail.com");
        // nothing declared: the same members are all unknown
        assertThat(check.evaluate(config, withOrganisation())).hasSize(5);
    }

    @Test
    void aDeclaredTrustedDomainMustBeADomainName() {
        for (String bad : new String[] {"", "com", "*.example.com", "a b.example", "example..com", "http://x.example"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new io.watchkeeper.auditors.EntityClassifier(
                    TestContext.OWNER, java.util.List.of(), java.util.Map.of(), java.util.List.of(bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid trusted domain");
        }
    }
}
