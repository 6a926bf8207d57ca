package io.watchkeeper.web.cli;

import io.watchkeeper.core.cert.CertificateStatus;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.cert.Certificates;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code certs list}: the inventory with filters, keyset pages. */
@Command(name = "list", description = "List certificates (newest ids last); pages with --after.", mixinStandardHelpOptions = true)
final class CertsListCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = "--owner", description = "owning user")
    String owner;

    @Option(names = "--team", description = "owning team")
    String team;

    @Option(names = "--account", description = "account")
    String account;

    @Option(names = "--authority", description = "issuing authority name")
    String authority;

    @Option(names = "--status", description = "active, expired, revoked or replaced")
    String status;

    @Option(names = "--expiring-within", description = "notAfter within this time, e.g. 30d")
    String expiringWithin;

    @Option(names = "--name", description = "common name or DNS name containing this text")
    String name;

    @Option(names = "--after", defaultValue = "0", description = "ids after this one")
    long after;

    @Option(names = "--limit", defaultValue = "200", description = "at most this many (1-1000)")
    int limit;

    @Mixin
    CertOptions.Format format;

    CertsListCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        CertificateStatus wanted = status == null ? null : Arrays.stream(CertificateStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(status)).findFirst()
                .orElseThrow(() -> new InvalidInputException("unknown status '" + Text.safe(status)
                        + "' (active, expired, revoked, replaced)"));
        var within = CertFiles.duration(expiringWithin, "--expiring-within");
        if (authority != null) {
            CertOutput.authorityNames(cli).values().stream().filter(authority::equals).findFirst()
                    .orElseThrow(() -> new InvalidInputException("unknown authority '" + Text.safe(authority) + "'"));
        }
        List<StoredCertificate> certs = cli.bean(Certificates.class).list(new Certificates.Filter(owner, team, account,
                authority, wanted, within == null ? null : Instant.now().plus(within), name, after, limit), cli.caller());
        Map<Long, String> names = CertOutput.authorityNames(cli);
        if (format.json()) {
            cli.out().println(Json.pretty(certs.stream().map(c -> CertOutput.certificate(c, names)).toList()));
            return 0;
        }
        Instant now = Instant.now();
        List<List<?>> rows = certs.stream().<List<?>>map(c -> List.of(c.id(), c.statusAt(now).name().toLowerCase(Locale.ROOT),
                CertOutput.names(c), c.metadata().notAfter().toString(), c.ownerLabel(),
                c.authorityId() == null ? "(" + c.source().name().toLowerCase(Locale.ROOT) + ")"
                        : names.getOrDefault(c.authorityId(), "?"),
                c.metadata().keyAlgorithm() + " " + c.metadata().keyBits())).toList();
        cli.out().print(Text.table(List.of("ID", "STATUS", "NAMES", "NOT AFTER", "OWNER", "AUTHORITY", "KEY"), rows, 60));
        return 0;
    }
}
