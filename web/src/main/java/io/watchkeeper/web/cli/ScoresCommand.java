package io.watchkeeper.web.cli;

import io.watchkeeper.auditors.Scoring;
import io.watchkeeper.core.finding.FindingFilter;
import io.watchkeeper.core.finding.FindingReader;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code watchkeeper scores}: bounded risk per account and per item from the open findings
 * (justified, suppressed, fixed and disabled ones do not count).
 */
@Command(name = "scores", description = "Risk scores (0-100) per account and for the riskiest items.",
        mixinStandardHelpOptions = true)
public final class ScoresCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--account", description = "only this account")
    String account;

    @Option(names = "--top", description = "riskiest items to show", defaultValue = "10")
    int top;

    @Option(names = "--format", description = "table or json", defaultValue = "table")
    OutputFormat format;

    ScoresCommand(Cli cli) {
        this.cli = cli;
    }

    /** One item's score and what makes it. */
    record ItemScore(String account, String type, String resourceId, String name, int score, int findings,
                     int worst) {}

    /** One account's score. */
    record AccountScore(String account, int score, int riskiestItem, int items) {}

    @Override
    public Integer call() {
        Map<Long, List<FindingView>> byItem = new LinkedHashMap<>();
        FindingReader reader = cli.bean(FindingReader.class);
        Integer afterScore = null;
        Long afterId = null;
        while (true) {
            List<FindingView> page = reader.list(new FindingFilter(null, account, null, null, null, null, null,
                    afterScore, afterId, 5000));
            page.forEach(f -> byItem.computeIfAbsent(f.itemId(), i -> new ArrayList<>()).add(f));
            if (page.size() < 5000) {
                break;
            }
            afterScore = page.getLast().score();
            afterId = page.getLast().id();
        }
        List<ItemScore> items = byItem.values().stream().map(fs -> {
            FindingView any = fs.getFirst();
            return new ItemScore(any.account(), any.type(), any.resourceId(), any.resourceName(),
                    Scoring.item(fs.stream().map(FindingView::score).toList()), fs.size(),
                    fs.stream().mapToInt(FindingView::score).max().orElse(0));
        }).sorted(Comparator.comparingInt(ItemScore::score).reversed()).toList();
        Map<String, List<Integer>> byAccount = new TreeMap<>();
        items.forEach(i -> byAccount.computeIfAbsent(i.account(), a -> new ArrayList<>()).add(i.score()));
        List<AccountScore> accounts = byAccount.entrySet().stream()
                .map(e -> new AccountScore(e.getKey(), Scoring.account(e.getValue()), e.getValue().getFirst(),
                        e.getValue().size()))
                .sorted(Comparator.comparingInt(AccountScore::score).reversed()).toList();
        List<ItemScore> riskiest = items.stream().limit(Math.max(0, top)).toList();
        if (format == OutputFormat.JSON) {
            cli.out().println(Json.pretty(Map.of("accounts", accounts, "items", riskiest)));
            return 0;
        }
        cli.out().println("accounts (0.6 x riskiest item + 0.4 x mean of the ten riskiest)");
        cli.out().print(Text.table(List.of("ACCOUNT", "SCORE", "RISKIEST ITEM", "ITEMS WITH FINDINGS"), accounts.stream()
                .<List<?>>map(a -> List.of(a.account(), a.score(), a.riskiestItem(), a.items())).toList(), 60));
        cli.out().println("riskiest items (findings combined as independent risks)");
        cli.out().print(Text.table(List.of("SCORE", "FINDINGS", "WORST", "ACCOUNT", "TYPE", "NAME"), riskiest.stream()
                .<List<?>>map(i -> List.of(i.score(), i.findings(), i.worst(), i.account(), i.type(), i.name()))
                .toList(), 60));
        return 0;
    }
}
