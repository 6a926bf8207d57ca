package io.watchkeeper.web.cli;

import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import java.util.List;
import java.util.Locale;
import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.auditors.output.CheckCatalog;
import io.watchkeeper.auditors.output.FindingFormat;
import io.watchkeeper.auditors.output.FindingFormats;
import io.watchkeeper.auditors.output.ToolInfo;
import io.watchkeeper.web.WatchkeeperProperties;

/** Writes findings as a table, JSON, or one of the registered finding formats. */
final class FindingOutput {

    private FindingOutput() {}

    static void write(Cli cli, List<FindingView> findings, String format) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "table" -> cli.out().print(Text.table(List.of("ID", "SCORE", "SEVERITY", "STATUS", "CHECK", "ACCOUNT",
                            "REGION", "RESOURCE", "MESSAGE"),
                    findings.stream().<List<?>>map(f -> List.of(f.id(), f.score(), f.severity(), f.status(), f.check(),
                            f.account(), f.region(), f.resourceName(), f.message())).toList(), 60));
            case "json" -> cli.out().println(Json.pretty(findings));
            default -> {
                FindingFormats formats = new FindingFormats(java.time.Clock.systemUTC(), ToolInfo.of(java.net.URI.create(
                        cli.bean(WatchkeeperProperties.class).notifications().consoleUrl())));
                if (formats.all().stream().noneMatch(f -> f.name().equalsIgnoreCase(format))) {
                    throw new InvalidInputException("unknown format '" + format + "' (table, json, "
                            + String.join(", ", formats.all().stream().map(FindingFormat::name).toList()) + ")");
                }
                cli.out().println(formats.require(format.toLowerCase(Locale.ROOT))
                        .render(findings, CheckCatalog.of(cli.bean(CheckRegistry.class))));
            }
        }
    }
}
