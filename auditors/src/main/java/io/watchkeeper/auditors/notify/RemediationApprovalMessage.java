package io.watchkeeper.auditors.notify;

import io.watchkeeper.auditors.output.CheckCatalog;
import java.net.URI;

/** "Remediation awaiting approval": what a plan will change and where to approve it. */
public final class RemediationApprovalMessage {

    static final int MAX_CALLS = 20;

    private final URI consoleBase;
    private final CheckCatalog catalog;

    /** @param consoleBase the web console's base URL (links are made absolute), or null for bare paths */
    public RemediationApprovalMessage(URI consoleBase, CheckCatalog catalog) {
        this.consoleBase = consoleBase;
        this.catalog = catalog;
    }

    public Notification build(RemediationApproval plan) {
        String title = catalog.text(plan.checkId()).title();
        String subject = "Watchkeeper: remediation " + Text.oneLine(plan.planId(), 40) + " awaits approval: "
                + title + " on " + Text.oneLine(plan.resource(), 120);
        StringBuilder body = new StringBuilder();
        body.append("Remediation plan ").append(Text.oneLine(plan.planId(), 40)).append(" waits for approval.\n\n");
        body.append("Check:    ").append(Text.oneLine(plan.checkId())).append(" — ").append(title).append('\n');
        body.append("Resource: ").append(Text.oneLine(plan.resource(), 300)).append("\n\n");
        body.append("It will call:\n");
        plan.apiCalls().stream().limit(MAX_CALLS).forEach(c -> body.append("- ").append(Text.oneLine(c, 300)).append('\n'));
        if (plan.apiCalls().size() > MAX_CALLS) {
            body.append("… and ").append(plan.apiCalls().size() - MAX_CALLS).append(" more calls.\n");
        }
        if (plan.apiCalls().isEmpty()) {
            body.append("- (no API calls)\n");
        }
        body.append("\nReview and approve or reject it: ").append(link(plan.linkPath())).append('\n');
        return new Notification(Text.oneLine(subject), body.toString());
    }

    private String link(String path) {
        String safe = Text.oneLine(path).replace(" ", "%20");
        if (consoleBase == null) {
            return safe;
        }
        String base = consoleBase.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + safe;
    }
}
