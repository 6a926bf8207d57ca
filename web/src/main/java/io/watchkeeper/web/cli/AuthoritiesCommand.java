package io.watchkeeper.web.cli;

import io.watchkeeper.certmanager.Authorities;
import io.watchkeeper.certmanager.Revocations;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code watchkeeper authorities create|import|list|crl}. */
@Command(name = "authorities", description = "Certificate authorities: internal CAs (created or imported) and their limits.",
        mixinStandardHelpOptions = true,
        subcommands = {AuthoritiesCommand.Create.class, AuthoritiesCommand.Import.class, AuthoritiesCommand.AddAcme.class, AuthoritiesCommand.ListAuthorities.class,
                AuthoritiesCommand.Crl.class})
public final class AuthoritiesCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an internal root CA, or an intermediate under --parent, with a fresh key kept sealed.")
    static final class Create implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "short unique name")
        String name;

        @Option(names = "--cn", description = "subject common name (default: 'Watchkeeper <name>')")
        String commonName;

        @Option(names = "--parent", description = "the authority that signs this one (an intermediate); default: a root")
        String parent;

        @Option(names = "--key-type", defaultValue = "ec-p384", description = "CA key: ec-p256, ec-p384, rsa-2048, rsa-3072, rsa-4096 (default ec-p384)")
        String keyType;

        @Option(names = "--validity", description = "CA lifetime (default 3650d for a root, 1825d for an intermediate)")
        String validity;

        @Mixin
        PolicyOptions policy;

        Create(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Authorities authorities = cli.bean(Authorities.class);
            String cn = commonName != null ? commonName : "Watchkeeper " + name;
            var lifetime = CertFiles.duration(validity != null ? validity : parent == null ? "3650d" : "1825d", "--validity");
            Authority a = parent == null
                    ? authorities.createRoot(name, cn, KeyType.fromId(keyType), lifetime, policy.toPolicy(), cli.actor())
                    : authorities.createIntermediate(name, parent, cn, KeyType.fromId(keyType), lifetime, policy.toPolicy(),
                            cli.actor());
            cli.out().println("created authority " + Text.safe(a.name()) + " (" + Text.safe(a.metadata().subject())
                    + ", " + a.metadata().keyAlgorithm() + " " + a.metadata().keyBits() + ", until " + a.metadata().notAfter() + ")");
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import an existing CA: its certificate (then its chain up to the root) and its private key.")
    static final class Import implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "short unique name")
        String name;

        @Option(names = "--cert", required = true, description = "PEM file: the CA certificate first, then the certificates above it")
        Path cert;

        @Option(names = "--key", required = true, description = "PEM file with the CA's unencrypted private key")
        Path key;

        @Mixin
        PolicyOptions policy;

        Import(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Authority a = cli.bean(Authorities.class).importCa(name, CertFiles.readPem(cert, "certificate file"),
                    CertFiles.readPem(key, "key file"), policy.toPolicy(), cli.actor());
            cli.out().println("imported authority " + Text.safe(a.name()) + " (" + Text.safe(a.metadata().subject()) + ")");
            return 0;
        }
    }

    @Command(name = "add-acme", mixinStandardHelpOptions = true,
            description = "Register an ACME CA (RFC 8555): creates the account (with external account binding when the CA "
                    + "requires it); the account key is kept sealed.")
    static final class AddAcme implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "short unique name")
        String name;

        @Option(names = "--directory", required = true, description = "the CA's directory URL (https)")
        String directory;

        @Option(names = "--ca-cert", required = true, description = "PEM file: the root the CA issues under")
        Path caCert;

        @Option(names = "--directory-trust", description = "PEM file: trust anchors for the directory's https (private CA)")
        Path directoryTrust;

        @Option(names = "--email", description = "contact e-mail for the account")
        String email;

        @Option(names = "--eab-kid", description = "external account binding key id")
        String eabKid;

        @Option(names = "--eab-key-file", description = "file with the base64url HMAC key for external account binding")
        Path eabKeyFile;

        @Option(names = "--allowed-domains", split = ",", description = "names this authority may issue for")
        List<String> allowedDomains = new java.util.ArrayList<>();

        @Option(names = "--profile", description = "certificate profile to request (when the CA offers profiles)")
        String profile;

        @Option(names = "--allow-internal", description = "allow a directory on an internal address (a private or test CA)")
        boolean allowInternal;

        AddAcme(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            String eabKey = eabKeyFile == null ? null : CertFiles.readPem(eabKeyFile, "EAB key file").strip();
            Authority a = cli.bean(io.watchkeeper.certmanager.acme.AcmeRegistration.class).register(
                    new io.watchkeeper.certmanager.acme.AcmeRegistration.Request(name, directory,
                            CertFiles.readPem(caCert, "CA certificate file"),
                            directoryTrust == null ? null : CertFiles.readPem(directoryTrust, "directory trust file"),
                            email, eabKid, eabKey, allowedDomains, profile, allowInternal), cli.actor());
            cli.out().println("registered ACME authority " + Text.safe(a.name()) + " at " + Text.safe(directory));
            return 0;
        }
    }

    @Command(name = "list", description = "List authorities and their limits.", mixinStandardHelpOptions = true)
    static final class ListAuthorities implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        ListAuthorities(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            List<Authority> all = cli.bean(Authorities.class).list();
            if (format == OutputFormat.JSON) {
                cli.out().println(Json.pretty(all.stream().map(CertOutput::authority).toList()));
                return 0;
            }
            List<List<?>> rows = all.stream().<List<?>>map(a -> List.of(a.name(), a.root() ? "root" : "intermediate",
                    a.metadata().keyAlgorithm() + " " + a.metadata().keyBits(), a.metadata().notAfter().toString(),
                    a.policy().maxValidity().toDays() + "d",
                    a.policy().allowedDomains().isEmpty() ? "(any)" : String.join(",", a.policy().allowedDomains()),
                    a.policy().wildcardsAllowed() ? "yes" : "no")).toList();
            cli.out().print(Text.table(List.of("NAME", "KIND", "KEY", "NOT AFTER", "MAX", "DOMAINS", "WILDCARDS"), rows, 60));
            return 0;
        }
    }

    @Command(name = "crl", mixinStandardHelpOptions = true,
            description = "Sign and publish the authority's CRL now (next CRL number); print it as PEM or write it to --out.")
    static final class Crl implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "authority name")
        String name;

        @Option(names = "--out", description = "also write the CRL (DER) to this file")
        Path out;

        Crl(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Authority authority = cli.bean(Authorities.class).require(name);
            if (out != null) {
                CertFiles.checkNewFile(out);
            }
            Revocations.PublishedCrl published = cli.bean(Revocations.class).publish(authority, cli.actor());
            if (out != null) {
                try {
                    Files.write(out, published.crl().getEncoded());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + out, e);
                } catch (java.security.cert.CRLException e) {
                    throw new IllegalStateException(e);
                }
                cli.err().println("CRL number " + published.number() + " written to " + out
                        + (published.file() == null ? "" : " and " + published.file()));
            } else {
                cli.out().print(Pem.encode(published.crl()));
                if (published.file() != null) {
                    cli.err().println("CRL number " + published.number() + " published to " + published.file());
                }
            }
            return 0;
        }
    }
}
