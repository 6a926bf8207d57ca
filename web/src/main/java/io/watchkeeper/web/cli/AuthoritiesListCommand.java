package io.watchkeeper.web.cli;

import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.web.cert.AuthorityAdmin;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code authorities list}. */
@Command(name = "list", description = "List authorities, their limits and the accounts they serve.", mixinStandardHelpOptions = true)
final class AuthoritiesListCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin
    CertOptions.Format format;

    AuthoritiesListCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        AuthorityAdmin admin = cli.bean(AuthorityAdmin.class);
        List<Authority> all = admin.list(cli.caller());
        if (format.json()) {
            cli.out().println(Json.pretty(all.stream().map(CertOutput::authority).toList()));
            return 0;
        }
        List<List<?>> rows = all.stream().<List<?>>map(a -> List.of(a.name(),
                a.kind() == io.watchkeeper.core.cert.AuthorityKind.ACME ? "acme" : a.root() ? "root" : "intermediate",
                a.metadata().keyAlgorithm() + " " + a.metadata().keyBits(), a.metadata().notAfter().toString(),
                a.policy().maxValidity().toDays() + "d",
                a.policy().allowedDomains().isEmpty() ? "(any)" : String.join(",", a.policy().allowedDomains()),
                a.policy().wildcardsAllowed() ? "yes" : "no",
                a.accountIds().isEmpty() ? "(unrestricted users)" : String.join(",", admin.accountNames(a.accountIds()))))
                .toList();
        cli.out().print(Text.table(List.of("NAME", "KIND", "KEY", "NOT AFTER", "MAX", "DOMAINS", "WILDCARDS", "ACCOUNTS"),
                rows, 60));
        return 0;
    }
}
