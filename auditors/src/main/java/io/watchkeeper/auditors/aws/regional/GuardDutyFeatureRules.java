package io.watchkeeper.auditors.aws.regional;

import static io.watchkeeper.auditors.rules.Facts.details;
import static io.watchkeeper.auditors.rules.Facts.is;
import static io.watchkeeper.auditors.rules.Facts.list;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.rules.Facts;
import io.watchkeeper.auditors.rules.RuleCheck;
import io.watchkeeper.core.config.aws.GuardDutyDetectorConfig;
import io.watchkeeper.core.config.aws.GuardDutyDetectorConfig.Detector;
import io.watchkeeper.core.config.aws.GuardDutyDetectorConfig.Feature;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * GuardDuty protection plans turned off on an enabled detector (as Prowler's guardduty_*_enabled
 * checks): one finding per detector whose feature is reported DISABLED. A feature the detector does
 * not report (older detectors, emulators) is unknown and passes; a disabled detector is the
 * {@code not-enabled} check's finding, not these.
 */
@AutoService(CheckSet.class)
public final class GuardDutyFeatureRules implements CheckSet {

    /**
     * One protection plan.
     *
     * @param slug the check id's suffix
     * @param features the GuardDuty feature names; the plan is on when any of them is ENABLED
     * @param what the plan's name in messages
     * @param why what is missed without it
     */
    record Plan(String slug, List<String> features, String what, String why) {}

    static final List<Plan> PLANS = List.of(
            new Plan("s3-protection-off", List.of("S3_DATA_EVENTS"), "S3 protection",
                    "S3 data events are not analysed, so bucket exfiltration and suspicious object access go unseen."),
            new Plan("eks-audit-logs-off", List.of("EKS_AUDIT_LOGS"), "EKS audit log monitoring",
                    "Kubernetes API abuse (anonymous access, privileged pods, credential theft) in EKS goes unseen."),
            new Plan("runtime-monitoring-off", List.of("RUNTIME_MONITORING", "EKS_RUNTIME_MONITORING"), "Runtime Monitoring",
                    "Process, file and network activity on EC2, ECS and EKS workloads is not analysed (crypto-mining,"
                            + " reverse shells, container escapes)."),
            new Plan("malware-protection-off", List.of("EBS_MALWARE_PROTECTION"), "Malware Protection for EC2",
                    "EBS volumes of instances GuardDuty suspects are not scanned for malware."),
            new Plan("rds-protection-off", List.of("RDS_LOGIN_EVENTS"), "RDS Protection",
                    "Anomalous and brute-force logins to Aurora and RDS databases go unseen."),
            new Plan("lambda-protection-off", List.of("LAMBDA_NETWORK_LOGS"), "Lambda Protection",
                    "Network activity of Lambda functions (crypto-mining, command and control) is not analysed."));

    @Override
    public List<Check<?>> checks() {
        List<Check<?>> out = new ArrayList<>();
        for (Plan plan : PLANS) {
            out.add(RuleCheck.of("aws.guardduty.detector/" + plan.slug(), GuardDutyDetectorConfig.class, Severity.LOW)
                    .title("GuardDuty " + plan.what() + " is off on an enabled detector")
                    .why(plan.why())
                    .fix("aws guardduty update-detector --detector-id ID --features Name=" + plan.features().getFirst()
                            + ",Status=ENABLED (or enable it organisation-wide from the delegated administrator).")
                    .evaluate((g, ctx) -> disabled(g, plan)));
        }
        return List.copyOf(out);
    }

    static List<Evidence> disabled(GuardDutyDetectorConfig g, Plan plan) {
        List<Evidence> out = new ArrayList<>();
        for (Detector d : list(g.detectors())) {
            if (!is(d.status(), "ENABLED")) {
                continue;
            }
            List<Feature> reported = list(d.features()).stream()
                    .filter(f -> f != null && f.name() != null && plan.features().contains(f.name())).toList();
            if (!reported.isEmpty() && reported.stream().noneMatch(f -> is(f.status(), "ENABLED"))) {
                out.add(Evidence.of("detector:" + Facts.key(d.detectorId()), Facts.line("GuardDuty " + plan.what()
                                + " is off on detector " + d.detectorId() + " in " + g.region()), Exposure.INTERNAL,
                        details("region", g.region(), "detectorId", d.detectorId(), "features",
                                reported.stream().map(f -> f.name() + " " + f.status()).toList())));
            }
        }
        return out;
    }
}
