package io.watchkeeper.auditors.compliance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A compliance framework as data (one file under {@code frameworks/}): its recommendations and the
 * checks that decide them.
 *
 * @param id stable id used on the command line and in URLs ({@code cis-aws-3.0})
 * @param name the framework's name
 * @param version its version
 * @param provider the accounts it applies to ({@code aws}, {@code gcp}, {@code github})
 * @param controlPrefix the prefix checks use in {@code Check.controls()} ({@code CIS-AWS-3.0})
 * @param source where the control list comes from
 * @param controls every recommendation, in the framework's order
 */
public record Framework(String id, String name, String version, String provider, String controlPrefix, String source,
                        List<Control> controls) {

    public Framework {
        Objects.requireNonNull(id, "id");
        controls = List.copyOf(controls);
    }

    /** The control with this id. */
    public Optional<Control> control(String controlId) {
        return controls.stream().filter(c -> c.id().equals(controlId)).findFirst();
    }

    /** Every check id the framework maps, decided or related. */
    public List<String> checkIds() {
        return controls.stream().flatMap(c -> java.util.stream.Stream.concat(c.checks().stream(), c.related().stream()))
                .distinct().sorted().toList();
    }

    /** How a recommendation is assessed. */
    public enum Assessment {
        AUTOMATED,
        MANUAL
    }

    /** What a control says about an account without any resource of its checks' types. */
    public enum WhenNoResources {
        /** Nothing to check: not applicable. */
        NOT_APPLICABLE,
        /** The control needs such a resource (at least one CloudTrail trail): it fails. */
        FAIL
    }

    /**
     * One recommendation.
     *
     * @param id the framework's number ({@code 2.1.4})
     * @param section the section it belongs to
     * @param title its title
     * @param level profile level (1 or 2)
     * @param assessment automated or manual
     * @param checks the checks whose findings fail it; empty for manual controls and for automated ones no
     *     check decides yet ("not decided")
     * @param related checks shown beside it that do not decide it (a manual control's helpers)
     * @param whenNoResources what an account without resources of the checks' types gets
     */
    public record Control(String id, String section, String title, int level, Assessment assessment, List<String> checks,
                          List<String> related, WhenNoResources whenNoResources) {

        public Control {
            checks = List.copyOf(checks);
            related = List.copyOf(related);
        }

        public boolean manual() {
            return assessment == Assessment.MANUAL;
        }

        /** An automated control with no check mapped yet. */
        public boolean undecided() {
            return !manual() && checks.isEmpty();
        }
    }
}
