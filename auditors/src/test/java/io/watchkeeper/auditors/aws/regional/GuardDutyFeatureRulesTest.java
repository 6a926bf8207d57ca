package io.watchkeeper.auditors.aws.regional;

import static io.watchkeeper.auditors.testing.RuleCase.fails;
import static io.watchkeeper.auditors.testing.RuleCase.passes;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.RuleCase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** GuardDuty protection plans off on an enabled detector. */
public class GuardDutyFeatureRulesTest {

    private static String detector(String status, String features) {
        return "{'region':'eu-west-1','detectors':[{'detectorId':'d1','status':'" + status + "','features':[" + features
                + "]}]}";
    }

    private static String feature(String name, String status) {
        return "{'name':'" + name + "','status':'" + status + "'}";
    }

    public static final List<RuleCase> CASES = cases();

    private static List<RuleCase> cases() {
        List<RuleCase> out = new ArrayList<>();
        for (GuardDutyFeatureRules.Plan plan : GuardDutyFeatureRules.PLANS) {
            String id = "aws.guardduty.detector/" + plan.slug();
            String off = String.join(",", plan.features().stream().map(f -> feature(f, "DISABLED")).toList());
            out.add(fails(id, detector("ENABLED", off), "detector:d1"));
            out.add(passes(id, detector("ENABLED", feature(plan.features().getLast(), "ENABLED")), "plan on"));
            out.add(passes(id, detector("DISABLED", off), "detector off: the not-enabled check reports it"));
            out.add(passes(id, detector("ENABLED", ""), "feature not reported: unknown"));
            out.add(passes(id, detector("ENABLED", feature("SOME_OTHER_PLAN", "DISABLED")), "another plan off"));
        }
        out.add(passes("aws.guardduty.detector/runtime-monitoring-off", detector("ENABLED",
                feature("EKS_RUNTIME_MONITORING", "ENABLED") + "," + feature("RUNTIME_MONITORING", "DISABLED")),
                "EKS runtime monitoring on counts as runtime monitoring"));
        out.add(fails("aws.guardduty.detector/runtime-monitoring-off", detector("ENABLED",
                feature("RUNTIME_MONITORING", "DISABLED")), "detector:d1"));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void decides(RuleCase example) {
        example.run();
    }

    @Test
    void everyPlanHasAFailingAndAPassingExample() {
        assertThat(RuleCase.covered(CASES)).hasSize(GuardDutyFeatureRules.PLANS.size());
    }

    @Test
    void theFindingNamesThePlanAndTheRegion() {
        var evidence = fails("aws.guardduty.detector/s3-protection-off", detector("ENABLED",
                feature("S3_DATA_EVENTS", "DISABLED")), "detector:d1").run();
        assertThat(evidence.getFirst().message()).isEqualTo("GuardDuty S3 protection is off on detector d1 in eu-west-1");
    }
}
