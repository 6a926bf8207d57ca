package io.watchkeeper.auditors.aws.regional;

import static io.watchkeeper.auditors.rules.Facts.details;
import static io.watchkeeper.auditors.rules.Facts.is;
import static io.watchkeeper.auditors.rules.Facts.isTrue;
import static io.watchkeeper.auditors.rules.Facts.list;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.rules.Facts;
import io.watchkeeper.auditors.rules.RuleCheck;
import io.watchkeeper.core.config.aws.AccessAnalyzerConfig;
import io.watchkeeper.core.config.aws.ConfigRecorderConfig;
import io.watchkeeper.core.config.aws.ConfigRecorderConfig.Recorder;
import io.watchkeeper.core.config.aws.Ec2AccountSettingsConfig;
import io.watchkeeper.core.config.aws.GuardDutyDetectorConfig;
import io.watchkeeper.core.config.aws.SecurityHubConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Services enabled once per account and region (one item per region, present also when nothing is
 * enabled, so "off in a region" is a finding on that region's item): IAM Access Analyzer (CIS 1.20),
 * AWS Config (3.3), Security Hub (4.16), GuardDuty, and the EC2 account settings (2.2.1: EBS
 * encryption by default; snapshot and AMI block public access; IMDS defaults).
 */
@AutoService(CheckSet.class)
public final class RegionalServiceRules implements CheckSet {

    /** Analyzers of external access; the unused-access analyzers answer another question. */
    private static final Set<String> EXTERNAL_ACCESS = Set.of("ACCOUNT", "ORGANIZATION");

    @Override
    public List<Check<?>> checks() {
        return List.of(
                RuleCheck.of("aws.accessanalyzer.analyzer/not-enabled", AccessAnalyzerConfig.class, Severity.MEDIUM)
                        .title("IAM Access Analyzer is not enabled in the region")
                        .why("Without an active external-access analyzer in every region, nobody is told when a resource"
                                + " there is shared with another account or the public.")
                        .fix("Create an analyzer (aws accessanalyzer create-analyzer --type ACCOUNT or ORGANIZATION) in the region.")
                        .cis("1.20")
                        .when(a -> list(a.analyzers()).stream().noneMatch(RegionalServiceRules::activeExternal), "analyzer",
                                a -> "No active external-access analyzer in " + a.region(), Exposure.INTERNAL,
                                a -> details("region", a.region(), "analyzers", list(a.analyzers()).stream()
                                        .map(x -> x.name() + " (" + x.type() + ", " + x.status() + ")").toList())),
                RuleCheck.of("aws.config.recorder/not-recording", ConfigRecorderConfig.class, Severity.MEDIUM)
                        .title("AWS Config does not record every resource in the region")
                        .why("Without a recorder of every resource type (global ones included) and a delivery channel,"
                                + " there is no configuration history for investigations or change detection.")
                        .fix("Create a recorder with allSupported and includeGlobalResourceTypes, a delivery channel, and"
                                + " start it (aws configservice start-configuration-recorder).")
                        .cis("3.3")
                        .evaluate((c, ctx) -> recorderProblems(c)),
                RuleCheck.of("aws.securityhub.hub/not-enabled", SecurityHubConfig.class, Severity.MEDIUM)
                        .title("Security Hub is not enabled in the region")
                        .why("Security Hub gathers the findings of GuardDuty, Inspector, Access Analyzer and the standards'"
                                + " controls; without it a region's findings are scattered or missing.")
                        .fix("Enable Security Hub in the region (aws securityhub enable-security-hub).")
                        .cis("4.16")
                        .when(h -> !h.enabled(), "hub", h -> "Security Hub is not enabled in " + h.region(),
                                Exposure.INTERNAL, h -> details("region", h.region())),
                RuleCheck.of("aws.guardduty.detector/not-enabled", GuardDutyDetectorConfig.class, Severity.MEDIUM)
                        .title("GuardDuty is not enabled in the region")
                        .why("GuardDuty detects compromised credentials, crypto-mining and reconnaissance from CloudTrail,"
                                + " DNS and flow logs; a region without it is where an intruder works unseen.")
                        .fix("Enable GuardDuty in the region (aws guardduty create-detector --enable), ideally for the"
                                + " whole organisation from a delegated administrator.")
                        .when(g -> list(g.detectors()).stream().noneMatch(d -> is(d.status(), "ENABLED")), "detector",
                                g -> "No enabled GuardDuty detector in " + g.region(), Exposure.INTERNAL,
                                g -> details("region", g.region(), "detectors", list(g.detectors()).stream()
                                        .map(d -> d.detectorId() + " (" + d.status() + ")").toList())),
                RuleCheck.of("aws.ec2.account-settings/ebs-default-encryption-off", Ec2AccountSettingsConfig.class,
                                Severity.MEDIUM)
                        .title("EBS encryption by default is off in the region")
                        .why("New volumes and snapshot copies are then unencrypted unless every launch asks otherwise.")
                        .fix("aws ec2 enable-ebs-encryption-by-default in the region.")
                        .cis("2.2.1")
                        .when(s -> Boolean.FALSE.equals(s.ebsEncryptionByDefault()), "ebs-encryption-by-default",
                                s -> "EBS encryption by default is off in " + s.region(), Exposure.INTERNAL,
                                s -> details("region", s.region(), "ebsEncryptionByDefault", false)),
                RuleCheck.of("aws.ec2.account-settings/snapshot-block-public-access-off", Ec2AccountSettingsConfig.class,
                                Severity.LOW)
                        .title("EBS snapshot block public access is off in the region")
                        .why("Without it, one modify-snapshot-attribute call makes a snapshot (a disk's whole content) public.")
                        .fix("aws ec2 enable-snapshot-block-public-access --state block-all-sharing in the region.")
                        .when(s -> is(s.snapshotBlockPublicAccess(), "unblocked"), "snapshot-block-public-access",
                                s -> "Snapshots can be made public in " + s.region(), Exposure.INTERNAL,
                                s -> details("region", s.region(), "snapshotBlockPublicAccess", s.snapshotBlockPublicAccess())),
                RuleCheck.of("aws.ec2.account-settings/image-block-public-access-off", Ec2AccountSettingsConfig.class,
                                Severity.LOW)
                        .title("AMI block public access is off in the region")
                        .why("Without it, an AMI (with whatever its disks hold) can be shared with everyone in one call.")
                        .fix("aws ec2 enable-image-block-public-access --image-block-public-access-state block-new-sharing.")
                        .when(s -> is(s.imageBlockPublicAccess(), "unblocked"), "image-block-public-access",
                                s -> "AMIs can be made public in " + s.region(), Exposure.INTERNAL,
                                s -> details("region", s.region(), "imageBlockPublicAccess", s.imageBlockPublicAccess())),
                RuleCheck.of("aws.ec2.account-settings/imdsv1-default", Ec2AccountSettingsConfig.class, Severity.LOW)
                        .title("New instances in the region do not require IMDSv2 by default")
                        .why("IMDSv1 answers any request that reaches it, so an SSRF in an application hands out the"
                                + " instance role's credentials; the account default decides new launches.")
                        .fix("aws ec2 modify-instance-metadata-defaults --http-tokens required in the region.")
                        .when(s -> s.instanceMetadataDefaults() != null && s.instanceMetadataDefaults().httpTokens() != null
                                        && !is(s.instanceMetadataDefaults().httpTokens(), "required"), "imds-defaults",
                                s -> "New instances in " + s.region() + " default to httpTokens "
                                        + s.instanceMetadataDefaults().httpTokens(), Exposure.INTERNAL,
                                s -> details("region", s.region(), "httpTokens", s.instanceMetadataDefaults().httpTokens())));
    }

    private static boolean activeExternal(AccessAnalyzerConfig.Analyzer a) {
        return is(a.status(), "ACTIVE") && (a.type() == null || EXTERNAL_ACCESS.contains(a.type()));
    }

    /** One finding for the region, naming what is missing (nothing when some recorder does it all). */
    static List<Evidence> recorderProblems(ConfigRecorderConfig c) {
        List<Recorder> recorders = list(c.recorders());
        boolean channel = !list(c.deliveryChannels()).isEmpty();
        if (channel && recorders.stream().anyMatch(RegionalServiceRules::complete)) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        if (recorders.isEmpty()) {
            missing.add("no configuration recorder");
        } else {
            if (recorders.stream().noneMatch(r -> isTrue(r.recording()))) {
                missing.add("no recorder is recording");
            }
            if (recorders.stream().noneMatch(RegionalServiceRules::allResources)) {
                missing.add("no recorder records every resource type");
            }
            if (recorders.stream().noneMatch(r -> isTrue(r.includeGlobalResourceTypes()))) {
                missing.add("no recorder records global resources");
            }
            if (missing.isEmpty()) {
                missing.add("no single recorder is recording every resource type, global ones included");
            }
        }
        if (!channel) {
            missing.add("no delivery channel");
        }
        return List.of(Evidence.of("recorder", Facts.line("AWS Config in " + c.region() + ": " + String.join(", ", missing)),
                Exposure.INTERNAL, details("region", c.region(), "missing", missing)));
    }

    private static boolean complete(Recorder r) {
        return isTrue(r.recording()) && allResources(r) && isTrue(r.includeGlobalResourceTypes());
    }

    private static boolean allResources(Recorder r) {
        return isTrue(r.allSupported()) || is(r.recordingStrategy(), "ALL_SUPPORTED_RESOURCE_TYPES")
                && list(r.exclusionResourceTypes()).isEmpty();
    }
}
