package io.watchkeeper.auditors.gcp.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpProjectIamPolicyConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The IAM member checks made from {@link MemberRules}: the ids, output names, titles, severities and controls the
 * classes they replace had, and one piece of evidence per (role, member) however many bindings repeat it.
 */
class MemberCheckTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "gcp.kms.crypto-key/public-members|GcpKmsCryptoKeyPublicMembers|Cloud KMS key grants a role to allUsers or"
                    + " allAuthenticatedUsers|CRITICAL|CIS-GCP-3.0:1.9",
            "gcp.run.service/public-members|GcpRunServicePublicMembers|Cloud Run service grants a role to allUsers or"
                    + " allAuthenticatedUsers|MEDIUM|",
            "gcp.project.iam-policy/consumer-account-member|GcpProjectIamPolicyConsumerAccountMember|Project IAM policy"
                    + " grants a role to a consumer (gmail.com-like) account|HIGH|",
            "gcp.storage.bucket/unknown-domain-member|GcpStorageBucketUnknownDomainMember|Bucket grants a role to a member"
                    + " of another organisation's domain|MEDIUM|",
            "gcp.iam.service-account/unknown-project-service-account|GcpIamServiceAccountUnknownProjectServiceAccount"
                    + "|Service account grants a role to a service account of an unknown project|MEDIUM|",
            "gcp.project.iam-policy/primitive-role-to-person|ProjectIamPolicyPrimitiveRoleToPerson|Owner or Editor is"
                    + " granted to a user, group or domain|MEDIUM|",
            "gcp.project.iam-policy/service-account-admin-role|ProjectIamPolicyServiceAccountAdmin|A user-created service"
                    + " account holds an admin, Owner or Editor role|HIGH|CIS-GCP-3.0:1.5",
            "gcp.project.iam-policy/service-account-user-at-project|ProjectIamPolicyServiceAccountUserAtProject|Service"
                    + " Account User or Token Creator is granted at project level|HIGH|CIS-GCP-3.0:1.6"})
    void keepTheMetadataOfTheClassesTheyReplace(String id, String name, String title, Severity severity, String control) {
        Check<?> check = CheckRegistry.discover().require(id);
        assertThat(check.name()).isEqualTo(name);
        assertThat(check.title()).isEqualTo(title);
        assertThat(check.severity()).isEqualTo(severity);
        assertThat(check.controls()).isEqualTo(control == null ? List.of() : List.of(control));
    }

    @Test
    void onlyTheUnknownDomainChecksReadTheOrganisation() {
        assertThat(CheckRegistry.discover().require("gcp.folder.iam-policy/unknown-domain-member").dependsOn())
                .containsExactly(OrganizationDomains.ORGANIZATION);
        assertThat(CheckRegistry.discover().require("gcp.folder.iam-policy/consumer-account-member").dependsOn()).isEmpty();
    }

    @Test
    void aGrantRepeatedInAConditionalBindingIsOneFindingNotTwoWithTheSameKey() {
        Check<GcpProjectIamPolicyConfig> person = GcpIamPolicyChecks.get("gcp.project.iam-policy/primitive-role-to-person");
        var config = io.watchkeeper.auditors.testing.Configs.lenient(GcpProjectIamPolicyConfig.class,
                "{'projectId':'p','policy':{'version':3,'bindings':[{'role':'roles/owner','members':['user:a@corp.com']},"
                        + "{'role':'roles/owner','members':['user:a@corp.com'],'condition':{'expression':'true'}}]}}");
        assertThat(person.evaluate(config, new TestContext())).extracting(Evidence::key)
                .containsExactly("member:roles/owner:user:a@corp.com");
    }
}
