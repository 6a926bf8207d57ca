package io.watchkeeper.web.cli;

import io.watchkeeper.core.model.InvalidInputException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options the certificate and authority commands share, as picocli mixins. */
final class CertOptions {

    private CertOptions() {}

    /** {@code --format table|json}. */
    static final class Format {
        @Option(names = "--format", defaultValue = "table", description = "table or json")
        OutputFormat format;

        boolean json() {
            return format == OutputFormat.JSON;
        }
    }

    /** The certificate a command acts on (its id). */
    static final class Id {
        @Parameters(index = "0", description = "certificate id (see 'certs list')")
        String ref;

        long id() {
            return CertsCommand.id(ref);
        }
    }

    /** Who a new certificate belongs to: account, owning user and team (by name; checked by the service). */
    static final class Ownership {
        @Option(names = "--account", description = "the account it belongs to (its users see it)")
        String account;

        @Option(names = "--owner", description = "owning user (a Watchkeeper user name)")
        String owner;

        @Option(names = "--team", description = "owning team (see 'teams list')")
        String team;
    }

    /** A revocation reason. */
    static final class Reason {
        @Option(names = "--reason", required = true, description = "RFC 5280 reason: unspecified, key-compromise, "
                + "ca-compromise, affiliation-changed, superseded, cessation-of-operation, certificate-hold, "
                + "privilege-withdrawn, aa-compromise")
        String reason;

        io.watchkeeper.core.cert.RevocationReason value() {
            if (reason == null) {
                throw new InvalidInputException("--reason is required");
            }
            return io.watchkeeper.core.cert.RevocationReason.fromId(reason);
        }
    }
}
