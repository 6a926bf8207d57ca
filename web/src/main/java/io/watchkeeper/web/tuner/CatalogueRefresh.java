package io.watchkeeper.web.tuner;

import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import io.watchkeeper.iamtuner.catalog.CatalogFile;
import io.watchkeeper.iamtuner.catalog.ServiceReferenceImport;
import io.watchkeeper.web.security.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Refreshes the tuner's action catalogue from AWS's service reference (the published index URL by default, another
 * https URL, a directory of service files or one JSON file): the new catalogue is written to
 * {@code <home>/iam-catalog.tsv} (atomically; the tuner prefers it to the bundled snapshot from its next start) and
 * audited once ({@code tuner.catalogue.refresh}). A global setting: unrestricted admins only. A source that would
 * drop more than a tenth of the current catalogue's services is refused (the proof covers every catalogue action,
 * so a truncated mirror must not shrink it).
 */
public final class CatalogueRefresh {

    /** What a refresh wrote. */
    public record Refreshed(String source, int services, int actions, int servicesBefore, int actionsBefore, String file,
                            List<String> dropped) {}

    private final Path file;
    private final Supplier<ActionCatalog> current;
    private final AuditLog audit;

    public CatalogueRefresh(Path file, Supplier<ActionCatalog> current, AuditLog audit) {
        this.file = file;
        this.current = current;
        this.audit = audit;
    }

    public Path file() {
        return file;
    }

    public Refreshed refresh(String from, Caller caller, Consumer<String> progress) {
        caller.requireUnrestrictedAdmin();
        ActionCatalog now = current.get();
        ServiceReferenceImport importer = new ServiceReferenceImport(now);
        CatalogFile.Contents contents;
        String source = from == null || from.isBlank() ? ServiceReferenceImport.DEFAULT_INDEX.toString() : from.strip();
        if (source.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
            URI uri;
            try {
                uri = new URI(source);
            } catch (URISyntaxException e) {
                throw new InvalidInputException("not a valid URL: " + TunerService.Text.bounded(source));
            }
            progress.accept("reading the service reference index " + uri + " and its service files");
            contents = importer.fromUrl(uri);
        } else {
            Path path = Path.of(source);
            if (Files.isDirectory(path)) {
                progress.accept("reading service files in " + path);
                contents = importer.fromDirectory(path);
            } else if (Files.isRegularFile(path)) {
                progress.accept("reading " + path);
                contents = importer.fromFile(path);
            } else {
                throw new InvalidInputException("no such file or directory: " + TunerService.Text.bounded(source));
            }
        }
        Set<String> fresh = new HashSet<>();
        contents.services().forEach(s -> fresh.add(s.prefix()));
        List<String> dropped = now.services().stream().filter(s -> !fresh.contains(s)).sorted().toList();
        if (dropped.size() * 10 > now.services().size()) {
            throw new InvalidInputException("the source lists " + fresh.size() + " services; the current catalogue has "
                    + now.services().size() + " and would lose " + dropped.size() + " (e.g. "
                    + String.join(", ", dropped.subList(0, Math.min(5, dropped.size()))) + "): refusing a partial catalogue");
        }
        write(contents);
        Refreshed r = new Refreshed(source, contents.services().size(), contents.actionCount(), now.services().size(),
                now.size(), file.toString(), dropped);
        audit.record(new AuditEntry(caller.actor(), "tuner.catalogue.refresh", "tuner-catalogue",
                Json.tree(Map.of("source", now.source(), "services", now.services().size(), "actions", now.size())),
                Json.tree(r), null));
        return r;
    }

    private void write(CatalogFile.Contents contents) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "iam-catalog", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                CatalogFile.write(contents, w);
            }
            try (var in = Files.newInputStream(tmp)) {
                ActionCatalog.read(in); // reads back before it replaces anything
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
