package io.watchkeeper.codescanner.iac;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.codescanner.finding.Finding;
import io.watchkeeper.core.inventory.LiveConfigDirectory;
import java.util.ArrayList;
import java.util.List;

/** Analyses in-memory files with the real checks. */
final class IacTestSupport {

    static final CheckRegistry CHECKS = CheckRegistry.discover();

    private IacTestSupport() {}

    static List<Finding> scan(LiveConfigDirectory live, String... pathAndText) {
        List<IacFile> files = new ArrayList<>();
        for (int i = 0; i < pathAndText.length; i += 2) {
            files.add(new IacFile(pathAndText[i], pathAndText[i + 1], null, 0));
        }
        return IacFindings.of(new IacAnalyzer(CHECKS, live).analyze(files));
    }

    static List<Finding> scan(String... pathAndText) {
        return scan(LiveConfigDirectory.NONE, pathAndText);
    }

    static List<String> rules(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + "@" + f.path() + ":" + f.startLine()).sorted().toList();
    }
}
