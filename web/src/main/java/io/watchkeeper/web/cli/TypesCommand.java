package io.watchkeeper.web.cli;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.WatcherRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code watchkeeper types}: the watched resource types and the permissions they need. */
@Command(name = "types", description = "List resource types and the permissions their watchers need.",
        mixinStandardHelpOptions = true)
public final class TypesCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--format", description = "table or json", defaultValue = "table")
    OutputFormat format;

    @Option(names = "--iam-policy", description = "print an IAM policy granting every AWS read permission needed"
            + " (with --provider gcp: a GCP custom role with every permission the GCP watchers need)")
    boolean iamPolicy;

    @Option(names = "--provider", description = "aws (default) or gcp, for --iam-policy", defaultValue = "aws")
    String provider;

    TypesCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        List<Watcher<?>> watchers = List.copyOf(cli.bean(WatcherRegistry.class).all());
        if (iamPolicy && io.watchkeeper.core.model.Provider.fromId(provider) == io.watchkeeper.core.model.Provider.GCP) {
            // gcloud iam roles create watchkeeper_reader --project P --file role.json (or --organization O)
            TreeSet<String> permissions = new TreeSet<>();
            watchers.stream().filter(w -> w.type().id().startsWith("gcp."))
                    .forEach(w -> permissions.addAll(w.requiredPermissions()));
            permissions.add("resourcemanager.projects.get");
            Map<String, Object> role = new LinkedHashMap<>();
            role.put("title", "Watchkeeper reader");
            role.put("description", "Read-only access for the Watchkeeper GCP watchers");
            role.put("stage", "GA");
            role.put("includedPermissions", permissions);
            cli.out().println(Json.pretty(role));
            return 0;
        }
        if (iamPolicy) {
            TreeSet<String> actions = new TreeSet<>();
            watchers.stream().filter(w -> w.type().id().startsWith("aws."))
                    .forEach(w -> actions.addAll(w.requiredPermissions()));
            actions.add("ec2:DescribeRegions");
            actions.add("sts:AssumeRole");
            Map<String, Object> statement = new LinkedHashMap<>();
            statement.put("Effect", "Allow");
            statement.put("Action", actions);
            statement.put("Resource", "*");
            cli.out().println(Json.pretty(Map.of("Version", "2012-10-17", "Statement", List.of(statement))));
            return 0;
        }
        if (format == OutputFormat.JSON) {
            cli.out().println(Json.pretty(watchers.stream().map(w -> Map.of("type", w.type().id(),
                    "scope", w.scopeKind().name().toLowerCase(), "permissions", new TreeSet<>(w.requiredPermissions())))
                    .toList()));
            return 0;
        }
        cli.out().print(Text.table(List.of("TYPE", "SCOPE", "PERMISSIONS"), watchers.stream()
                .<List<?>>map(w -> List.of(w.type().id(), w.scopeKind().name().toLowerCase(),
                        String.join(",", new TreeSet<>(w.requiredPermissions())))).toList(), 200));
        return 0;
    }
}
