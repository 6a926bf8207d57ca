package io.watchkeeper.web.cli;

import io.watchkeeper.core.code.CodeReviewStore.AcceptedRisk;
import io.watchkeeper.web.service.CodeReviews;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code watchkeeper code risks [--revoke ID]}: ignored findings and accepted risks of pull requests. */
@Command(name = "risks", mixinStandardHelpOptions = true,
        description = "List ignored findings and accepted risks of pull-request scanning, or revoke one.")
public final class CodeRisksCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--revoke", paramLabel = "ID", description = "revoke this ignore or accepted risk")
    Long revoke;

    CodeRisksCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        CodeReviews reviews = cli.bean(CodeReviews.class);
        if (revoke != null) {
            AcceptedRisk r;
            try {
                r = reviews.revoke(revoke, cli.caller());
            } catch (io.watchkeeper.web.security.Caller.NotVisibleException e) {
                throw new io.watchkeeper.core.model.InvalidInputException("no active ignore or accepted risk #" + revoke);
            }
            cli.out().println("revoked " + r.kind() + " #" + r.id() + " (fp:" + r.fingerprint() + ") in " + Text.safe(r.repository()));
            return 0;
        }
        List<AcceptedRisk> risks = reviews.acceptedRisks(cli.caller());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (AcceptedRisk r : risks) {
            cli.out().println("#" + r.id() + "  " + Text.safe(r.repository()) + "  fp:" + r.fingerprint() + "  " + r.kind()
                    + (r.expiresOn() == null ? "" : " until " + r.expiresOn() + (r.appliesOn(today) ? "" : " (expired)"))
                    + "  by " + Text.safe(r.createdBy()) + ": " + Text.safe(r.reason()));
        }
        if (risks.isEmpty()) {
            cli.out().println("no ignored findings or accepted risks");
        }
        return 0;
    }
}
