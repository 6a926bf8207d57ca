package io.watchkeeper.auditors.output;

import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Severity;
import java.util.List;

/**
 * What outputs say about a check.
 *
 * @param id check id
 * @param name a short identifier-like name ({@link Check#name()})
 * @param title one line: what is wrong
 * @param rationale why it matters
 * @param remediation how to fix it
 * @param controls compliance controls, e.g. {@code CIS-AWS-3.0:2.1.4}
 * @param severity the check's default severity, or null when the check is unknown
 */
public record CheckText(String id, String name, String title, String rationale, String remediation,
                        List<String> controls, Severity severity) {

    public CheckText {
        controls = List.copyOf(controls);
    }

    static CheckText of(Check<?> check) {
        return new CheckText(check.id().id(), check.name(), check.title(), check.rationale(), check.remediation(),
                check.controls(), check.severity());
    }

    static CheckText unknown(String checkId) {
        return new CheckText(checkId, checkId, checkId, "", "", List.of(), null);
    }

    /** A control {@code STANDARD:REQUIREMENT} split at its first colon (no colon: the standard is empty). */
    public record Control(String standard, String requirement) {

        public static Control parse(String control) {
            int colon = control.indexOf(':');
            return colon < 0 ? new Control("", control)
                    : new Control(control.substring(0, colon), control.substring(colon + 1));
        }
    }
}
