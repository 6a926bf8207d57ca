package io.watchkeeper.watchers.aws.accessanalyzer;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.AccessAnalyzerConfig;
import io.watchkeeper.core.config.aws.AccessAnalyzerConfig.Analyzer;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/** IAM Access Analyzer of one region as one item with its analyzers of every type; one page per 100. */
@AutoService(Watcher.class)
public final class AccessAnalyzerWatcher extends AwsWatcher<AccessAnalyzerConfig> {

    public AccessAnalyzerWatcher() {
        super("aws.accessanalyzer.analyzer", AccessAnalyzerConfig.class, ScopeKind.REGIONAL,
                "access-analyzer:ListAnalyzers");
    }

    @Override
    protected List<Observation<AccessAnalyzerConfig>> observe(WatchScope scope, AwsSession aws) {
        List<Analyzer> analyzers = aws.accessAnalyzer(scope.region()).listAnalyzersPaginator(r -> r.maxResults(100))
                .analyzers().stream()
                .map(a -> new Analyzer(a.name(), a.arn(), a.typeAsString(), a.statusAsString(),
                        a.statusReason() == null ? null : a.statusReason().codeAsString(),
                        a.configuration() == null || a.configuration().unusedAccess() == null ? null
                                : a.configuration().unusedAccess().unusedAccessAge(),
                        a.createdAt(), a.lastResourceAnalyzed(), a.lastResourceAnalyzedAt(), new TreeMap<>(a.tags())))
                .toList();
        return List.of(new Observation.Observed<>("arn:aws:access-analyzer:" + scope.region() + ":" + aws.accountId()
                + ":analyzers", "Access Analyzer " + scope.region(), scope.region(),
                new AccessAnalyzerConfig(scope.region(), sorted(analyzers, Comparator.comparing(Analyzer::arn)))));
    }
}
