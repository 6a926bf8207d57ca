package io.watchkeeper.web.cli;

import io.watchkeeper.core.item.ItemFilter;
import io.watchkeeper.core.item.ItemReader;
import io.watchkeeper.core.item.ItemSummary;
import io.watchkeeper.core.item.Revision;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code watchkeeper items list|show|history}. */
@Command(name = "items", description = "Browse watched resources and their history.", mixinStandardHelpOptions = true,
        subcommands = {ItemsCommand.ListItems.class, ItemsCommand.Show.class, ItemsCommand.History.class})
public final class ItemsCommand {

    static Map<String, Object> view(ItemSummary i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("type", i.type());
        m.put("account", i.account());
        m.put("region", i.region());
        m.put("resourceId", i.resourceId());
        m.put("name", i.name());
        m.put("revisions", i.revisions());
        m.put("deleted", i.deleted());
        m.put("firstSeen", i.firstSeen());
        m.put("lastChanged", i.lastChanged());
        return m;
    }

    /** An item by Watchkeeper id or by resource id (ARN). */
    static ItemSummary find(Cli cli, String ref) {
        ItemReader items = cli.bean(ItemReader.class);
        if (ref.matches("\\d{1,18}")) {
            return items.find(Long.parseLong(ref)).orElseThrow(() -> new InvalidInputException("no item with id " + ref));
        }
        List<ItemSummary> matches = items.list(new ItemFilter(null, null, null, ref, true, null, 50)).stream()
                .filter(i -> i.resourceId().equals(ref) || i.name().equals(ref)).toList();
        if (matches.size() != 1) {
            throw new InvalidInputException(matches.isEmpty() ? "no item matches '" + ref + "'"
                    : "'" + ref + "' matches " + matches.size() + " items; use the numeric id from 'items list'");
        }
        return matches.getFirst();
    }

    @Command(name = "list", description = "List items (newest ids last); pages with --after.", mixinStandardHelpOptions = true)
    static final class ListItems implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--account", description = "account name")
        String account;

        @Option(names = "--type", description = "resource type")
        String type;

        @Option(names = "--region", description = "region")
        String region;

        @Option(names = "--name", description = "part of the name or resource id")
        String name;

        @Option(names = "--deleted", description = "include deleted items")
        boolean deleted;

        @Option(names = "--after", description = "list ids greater than this (paging)")
        Long after;

        @Option(names = "--limit", description = "at most this many (max 1000)", defaultValue = "200")
        int limit;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        ListItems(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            List<ItemSummary> items = cli.bean(ItemReader.class)
                    .list(new ItemFilter(account, type, region, name, deleted, after, limit));
            if (format == OutputFormat.JSON) {
                cli.out().println(Json.pretty(items.stream().map(ItemsCommand::view).toList()));
                return 0;
            }
            cli.out().print(Text.table(List.of("ID", "TYPE", "ACCOUNT", "REGION", "NAME", "REVS", "DELETED"),
                    items.stream().<List<?>>map(i -> List.of(i.id(), i.type(), i.account(), i.region(), i.name(),
                            i.revisions(), i.deleted() ? "yes" : "")).toList(), 60));
            return 0;
        }
    }

    @Command(name = "show", description = "Show an item's current configuration.", mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "item id or resource id (ARN)")
        String ref;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        Show(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            ItemSummary item = find(cli, ref);
            List<Revision> history = cli.bean(ItemReader.class).history(item.id());
            JsonNode config = history.reversed().stream().map(Revision::config).filter(c -> c != null).findFirst()
                    .orElse(null);
            Map<String, Object> view = view(item);
            view.put("config", config);
            if (format == OutputFormat.JSON) {
                cli.out().println(Json.pretty(view));
                return 0;
            }
            cli.out().printf("%s %s%n  account %s, region %s, %d revision(s)%s%n  resource %s%n", Text.safe(item.type()),
                    Text.safe(item.name()), Text.safe(item.account()), Text.safe(item.region()), item.revisions(),
                    item.deleted() ? ", DELETED (last known configuration below)" : "", Text.safe(item.resourceId()));
            cli.out().println(config == null ? "(no configuration)" : prettySafe(config));
            return 0;
        }
    }

    /** Pretty JSON with control characters escaped by JSON itself (newlines kept for layout). */
    static String prettySafe(JsonNode node) {
        return Json.pretty(node).lines().map(Text::safe).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    @Command(name = "history", description = "Show an item's revisions with their diffs.", mixinStandardHelpOptions = true)
    static final class History implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "item id or resource id (ARN)")
        String ref;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        History(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            ItemSummary item = find(cli, ref);
            List<Revision> history = cli.bean(ItemReader.class).history(item.id());
            if (format == OutputFormat.JSON) {
                Map<String, Object> view = view(item);
                view.put("history", history.stream().map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("revision", r.number());
                    m.put("kind", r.kind());
                    m.put("observedAt", r.observedAt());
                    m.put("ephemeralUpdatedAt", r.ephemeralUpdatedAt());
                    m.put("changedBy", r.changedBy());
                    m.put("diff", r.diff());
                    return m;
                }).toList());
                cli.out().println(Json.pretty(view));
                return 0;
            }
            cli.out().printf("%s %s (%s)%n", Text.safe(item.type()), Text.safe(item.name()), Text.safe(item.resourceId()));
            for (Revision r : history) {
                cli.out().printf("#%d %s %s%s%n", r.number(), r.kind(), r.observedAt(),
                        r.changedBy() == null ? "" : " by " + Text.safe(r.changedBy()));
                for (JsonNode op : r.diff()) {
                    String value = op.has("value") ? " " + Json.write(op.get("value")) : "";
                    cli.out().println("    " + Text.safe(op.path("op").asString() + " " + op.path("path").asString() + value));
                }
            }
            return 0;
        }
    }
}
