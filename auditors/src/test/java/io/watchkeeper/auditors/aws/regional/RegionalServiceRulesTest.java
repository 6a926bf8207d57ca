package io.watchkeeper.auditors.aws.regional;

import static io.watchkeeper.auditors.testing.RuleCase.fails;
import static io.watchkeeper.auditors.testing.RuleCase.passes;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.RuleCase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Access Analyzer (1.20), AWS Config (3.3), Security Hub (4.16), GuardDuty, EC2 account settings (2.2.1). */
public class RegionalServiceRulesTest {

    private static final String REC = "{'name':'default','allSupported':true,'includeGlobalResourceTypes':true,"
            + "'recording':true}";
    private static final String CHANNEL = "[{'name':'default','s3BucketName':'config-bucket'}]";

    public static final List<RuleCase> CASES = List.of(
            fails("aws.accessanalyzer.analyzer/not-enabled", "{'region':'eu-west-1','analyzers':[]}", "analyzer"),
            fails("aws.accessanalyzer.analyzer/not-enabled", "{'region':'eu-west-1','analyzers':[{'name':'u',"
                    + "'type':'ACCOUNT_UNUSED_ACCESS','status':'ACTIVE'},{'name':'a','type':'ACCOUNT','status':'FAILED'}]}",
                    "analyzer"),
            passes("aws.accessanalyzer.analyzer/not-enabled", "{'region':'eu-west-1','analyzers':[{'name':'org',"
                    + "'type':'ORGANIZATION','status':'ACTIVE'}]}", "an active organisation analyzer"),
            fails("aws.config.recorder/not-recording", "{'region':'us-east-1','recorders':[],'deliveryChannels':[]}",
                    "recorder"),
            fails("aws.config.recorder/not-recording", "{'region':'us-east-1','recorders':[" + REC.replace("'recording':true",
                    "'recording':false") + "],'deliveryChannels':" + CHANNEL + "}", "recorder"),
            fails("aws.config.recorder/not-recording", "{'region':'us-east-1','recorders':[" + REC.replace(
                    "'allSupported':true", "'allSupported':false,'resourceTypes':['AWS::EC2::Instance']") + "],"
                    + "'deliveryChannels':" + CHANNEL + "}", "recorder"),
            fails("aws.config.recorder/not-recording", "{'region':'us-east-1','recorders':[" + REC + "],"
                    + "'deliveryChannels':[]}", "recorder"),
            passes("aws.config.recorder/not-recording", "{'region':'us-east-1','recorders':[" + REC + "],"
                    + "'deliveryChannels':" + CHANNEL + "}", "recording everything with a channel"),
            fails("aws.securityhub.hub/not-enabled", "{'region':'us-east-1','enabled':false}", "hub"),
            passes("aws.securityhub.hub/not-enabled", "{'region':'us-east-1','enabled':true,'hubArn':'arn:aws:securityhub:"
                    + "us-east-1:111111111111:hub/default'}", "subscribed"),
            fails("aws.guardduty.detector/not-enabled", "{'region':'us-east-1','detectors':[]}", "detector"),
            fails("aws.guardduty.detector/not-enabled", "{'region':'us-east-1','detectors':[{'detectorId':'d1',"
                    + "'status':'DISABLED'}]}", "detector"),
            passes("aws.guardduty.detector/not-enabled", "{'region':'us-east-1','detectors':[{'detectorId':'d1',"
                    + "'status':'ENABLED'}]}", "enabled"),
            fails("aws.ec2.account-settings/ebs-default-encryption-off", "{'region':'us-east-1',"
                    + "'ebsEncryptionByDefault':false}", "ebs-encryption-by-default"),
            passes("aws.ec2.account-settings/ebs-default-encryption-off", "{'region':'us-east-1',"
                    + "'ebsEncryptionByDefault':true}", "on"),
            passes("aws.ec2.account-settings/ebs-default-encryption-off", "{'region':'us-east-1'}", "unknown"),
            fails("aws.ec2.account-settings/snapshot-block-public-access-off", "{'region':'us-east-1',"
                    + "'snapshotBlockPublicAccess':'unblocked'}", "snapshot-block-public-access"),
            passes("aws.ec2.account-settings/snapshot-block-public-access-off", "{'region':'us-east-1',"
                    + "'snapshotBlockPublicAccess':'block-new-sharing'}", "blocked"),
            fails("aws.ec2.account-settings/image-block-public-access-off", "{'region':'us-east-1',"
                    + "'imageBlockPublicAccess':'unblocked'}", "image-block-public-access"),
            passes("aws.ec2.account-settings/image-block-public-access-off", "{'region':'us-east-1',"
                    + "'imageBlockPublicAccess':'block-new-sharing'}", "blocked"),
            fails("aws.ec2.account-settings/imdsv1-default", "{'region':'us-east-1','instanceMetadataDefaults':"
                    + "{'httpTokens':'optional'}}", "imds-defaults"),
            passes("aws.ec2.account-settings/imdsv1-default", "{'region':'us-east-1','instanceMetadataDefaults':"
                    + "{'httpTokens':'required'}}", "IMDSv2 required"),
            passes("aws.ec2.account-settings/imdsv1-default", "{'region':'us-east-1','instanceMetadataDefaults':{}}",
                    "no account preference: the AMI decides, and the instance check reports instances"));

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void decides(RuleCase example) {
        example.run();
    }

    @Test
    void theRecorderFindingNamesWhatIsMissing() {
        var evidence = fails("aws.config.recorder/not-recording", "{'region':'us-east-1','recorders':[{'name':'r',"
                + "'allSupported':false,'includeGlobalResourceTypes':false,'recording':false}],'deliveryChannels':[]}",
                "recorder").run();
        assertThat(evidence.getFirst().message()).contains("no recorder is recording",
                "no recorder records every resource type", "no recorder records global resources", "no delivery channel");
    }
}
