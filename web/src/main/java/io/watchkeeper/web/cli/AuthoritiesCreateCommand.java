package io.watchkeeper.web.cli;

import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.web.cert.AuthorityAdmin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code authorities create}: a root or an intermediate with a fresh sealed key. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create an internal root CA, or an intermediate under --parent, with a fresh key kept sealed. "
                + "Name the domains it may certify (--allow-domain) or allow any domain explicitly (--allow-any-domain).")
final class AuthoritiesCreateCommand implements Callable<Integer> {
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

    AuthoritiesCreateCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Authority a = cli.bean(AuthorityAdmin.class).create(new AuthorityAdmin.NewAuthority(name, commonName, parent,
                KeyType.fromId(keyType), CertFiles.duration(validity, "--validity"), policy.toPolicy(), policy.anyDomain,
                policy.accounts), cli.caller());
        cli.out().println("created authority " + Text.safe(a.name()) + " (" + Text.safe(a.metadata().subject())
                + ", " + a.metadata().keyAlgorithm() + " " + a.metadata().keyBits() + ", until " + a.metadata().notAfter() + ")");
        return 0;
    }
}
