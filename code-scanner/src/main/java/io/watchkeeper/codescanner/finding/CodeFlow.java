package io.watchkeeper.codescanner.finding;

import java.util.List;

/**
 * The source-to-sink path of a code-vulnerability finding (Java taint analysis), with what the rule
 * means: shown as SARIF {@code codeFlows} and in reports.
 *
 * @param cwe the CWE id of the rule
 * @param fix how to fix it
 * @param steps the source first, the sink last
 */
public record CodeFlow(int cwe, String fix, List<Step> steps) {

    /** One place on the path: repository-relative path, 1-based line, what happens there. */
    public record Step(String path, int line, String message) {}

    public CodeFlow {
        steps = List.copyOf(steps);
    }
}
