package io.watchkeeper.web.cli;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.web.service.AccountAdmin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code watchkeeper accounts add gcp}: registers a GCP project through {@link AccountAdmin}. */
@Command(name = "gcp", mixinStandardHelpOptions = true,
        description = "Register a GCP project (Application Default Credentials unless --credentials is given).")
final class AccountsAddGcp implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--name", required = true, description = "short unique name")
    String name;

    @Option(names = "--project-id", required = true, description = "the project id")
    String projectId;

    @Option(names = "--credentials", paramLabel = "FILE|none",
            description = "service-account key file (owner-only; stored as a path, never its content), or 'none' "
                    + "(no credential: only with watchkeeper.gcp.endpoint set)")
    String credentials;

    @Option(names = "--impersonate", paramLabel = "SA_EMAIL",
            description = "service account to impersonate (IAM Credentials generateAccessToken)")
    String impersonate;

    @Option(names = "--regions", split = ",", description = "regions of interest (GCP types are watched per project)")
    List<String> regions = new ArrayList<>();

    @Option(names = "--tag", description = "key=value label (repeatable)")
    Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = "--third-party", description = "a friendly project the organisation does not own")
    boolean thirdParty;

    AccountsAddGcp(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        AccountSpec spec = new AccountSpec(Provider.GCP, name, projectId, AccountAdmin.gcpAccess(credentials, impersonate),
                regions, tags, thirdParty);
        Account account = cli.bean(AccountAdmin.class).add(spec, cli.caller());
        cli.out().println("added project " + Text.safe(account.name()) + " (" + account.externalId() + ")"
                + (account.thirdParty() ? " as a third party: reference data for the auditors, never watched" : ""));
        return 0;
    }
}
