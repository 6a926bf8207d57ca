package io.watchkeeper.auditors.aws.eks;

import static io.watchkeeper.auditors.testing.RuleCase.fails;
import static io.watchkeeper.auditors.testing.RuleCase.passes;

import io.watchkeeper.auditors.testing.RuleCase;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** EKS endpoint (CIDRs as a set), logging and secrets encryption; ECR scanning, tags and encryption. */
public class ContainerRulesTest {

    private static final String LOGS = "'enabledLogTypes':['api','audit','authenticator','controllerManager','scheduler']";

    public static final List<RuleCase> CASES = List.of(
            fails("aws.eks.cluster/public-endpoint", "{'name':'prod','endpointPublicAccess':true,"
                    + "'publicAccessCidrs':['0.0.0.0/0']}", "endpoint"),
            fails("aws.eks.cluster/public-endpoint", "{'name':'prod','endpointPublicAccess':true,"
                    + "'publicAccessCidrs':['0.0.0.0/1','128.0.0.0/1']}", "endpoint"),
            fails("aws.eks.cluster/public-endpoint", "{'name':'prod','endpointPublicAccess':true}", "endpoint"),
            passes("aws.eks.cluster/public-endpoint", "{'name':'prod','endpointPublicAccess':true,"
                    + "'publicAccessCidrs':['203.0.113.0/24']}", "public endpoint limited to an office range"),
            passes("aws.eks.cluster/public-endpoint", "{'name':'prod','endpointPublicAccess':false,"
                    + "'endpointPrivateAccess':true,'publicAccessCidrs':['0.0.0.0/0']}", "private endpoint only"),
            fails("aws.eks.cluster/control-plane-logging-off", "{'name':'prod','enabledLogTypes':['api']}", "logging"),
            passes("aws.eks.cluster/control-plane-logging-off", "{'name':'prod'," + LOGS + "}", "every log type"),
            fails("aws.eks.cluster/secrets-not-encrypted", "{'name':'prod','encryption':[]}", "secrets-encryption"),
            passes("aws.eks.cluster/secrets-not-encrypted", "{'name':'prod','encryption':[{'resources':['secrets'],"
                    + "'keyArn':'arn:aws:kms:us-east-1:111111111111:key/k'}]}", "secrets envelope-encrypted"),
            fails("aws.ecr.repository/scan-on-push-off", "{'repositoryName':'app','scanOnPush':false,"
                    + "'registryScanType':'BASIC'}", "scan-on-push"),
            passes("aws.ecr.repository/scan-on-push-off", "{'repositoryName':'app','scanOnPush':true}", "on"),
            passes("aws.ecr.repository/scan-on-push-off", "{'repositoryName':'app','scanOnPush':false,"
                    + "'registryScanType':'ENHANCED','registryScanFrequency':'CONTINUOUS_SCAN'}",
                    "enhanced continuous scanning by the registry"),
            fails("aws.ecr.repository/tags-mutable", "{'repositoryName':'app','imageTagMutability':'MUTABLE'}",
                    "tag-mutability"),
            passes("aws.ecr.repository/tags-mutable", "{'repositoryName':'app','imageTagMutability':'IMMUTABLE'}",
                    "immutable"),
            fails("aws.ecr.repository/not-kms-encrypted", "{'repositoryName':'app','encryptionType':'AES256'}",
                    "encryption"),
            passes("aws.ecr.repository/not-kms-encrypted", "{'repositoryName':'app','encryptionType':'KMS'}", "KMS"));

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void decides(RuleCase example) {
        example.run();
    }
}
