package io.watchkeeper.iamtuner.plan;

import io.watchkeeper.core.tuner.LastAccessedRun;
import io.watchkeeper.core.tuner.OptOut;
import io.watchkeeper.core.tuner.UnmappedEvent;
import io.watchkeeper.core.tuner.UsageEvidence;
import io.watchkeeper.iamtuner.aws.AccountIam;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one planning pass decides on.
 *
 * @param windowDays the account's look-back window
 * @param principalWindows windows set for single principals
 * @param logged lower-case actions seen in the account's own CloudTrail logs (proof they are logged)
 * @param principalFilter only this principal (and the shared policies it uses), or null for all
 */
public record PlanInput(AccountIam iam, Instant now, int windowDays, Map<String, Integer> principalWindows,
                        List<OptOut> optOuts, List<UsageEvidence> evidence, Set<String> logged,
                        List<UnmappedEvent> unmapped, Map<String, LastAccessedRun> lastAccessed, Coverage coverage,
                        String principalFilter) {

    public PlanInput {
        principalWindows = Map.copyOf(principalWindows);
        optOuts = List.copyOf(optOuts);
        evidence = List.copyOf(evidence);
        logged = Set.copyOf(logged);
        unmapped = List.copyOf(unmapped);
        lastAccessed = Map.copyOf(lastAccessed);
    }
}
