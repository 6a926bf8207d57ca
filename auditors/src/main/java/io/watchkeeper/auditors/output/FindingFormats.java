package io.watchkeeper.auditors.output;

import io.watchkeeper.core.model.InvalidInputException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The finding formats Watchkeeper writes, by name. */
public final class FindingFormats {

    private final List<FindingFormat> formats;

    /** The formats, with the console at {@link ToolInfo#LOCAL_CONSOLE}. */
    public FindingFormats(Clock clock) {
        this(clock, ToolInfo.of(ToolInfo.LOCAL_CONSOLE));
    }

    public FindingFormats(Clock clock, ToolInfo tool) {
        this.formats = List.of(new CsvFormat(), new SarifFormat(tool), new OcsfFormat(clock));
    }

    public List<FindingFormat> all() {
        return formats;
    }

    public FindingFormat require(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return formats.stream().filter(f -> f.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInputException("unknown output format '" + name + "' ("
                        + formats.stream().map(FindingFormat::name).collect(Collectors.joining(", ")) + ")"));
    }
}
