package io.watchkeeper.web.notify;

import io.watchkeeper.auditors.notify.DailyDigest;
import io.watchkeeper.auditors.notify.DigestMessage;
import io.watchkeeper.auditors.notify.NewFindingsMessage;
import io.watchkeeper.auditors.notify.Notification;
import io.watchkeeper.auditors.notify.NotificationChannel;
import io.watchkeeper.auditors.notify.RemediationApproval;
import io.watchkeeper.auditors.notify.RemediationApprovalMessage;
import io.watchkeeper.auditors.output.CheckCatalog;
import io.watchkeeper.core.finding.AuditSummary;
import io.watchkeeper.core.finding.FindingFilter;
import io.watchkeeper.core.finding.FindingReader;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.notify.NotificationLog;
import io.watchkeeper.core.remediation.RemediationView;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what people asked to hear about: new findings above a score threshold (each opening
 * once), remediations waiting for approval (each once), and one daily digest per channel. Every
 * message is claimed in the notification log first, so several nodes never send it twice. A
 * channel that fails is logged and does not stop the others, nor the audit that triggered it.
 */
public final class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final List<NotificationChannel> channels;
    private final NotificationLog log;
    private final FindingReader findings;
    private final NewFindingsMessage newFindings;
    private final RemediationApprovalMessage approvals;
    private final DailyDigest digest;
    private final int threshold;
    private final Clock clock;

    public Notifier(List<NotificationChannel> channels, NotificationLog log, FindingReader findings, CheckCatalog catalog,
                    int threshold, URI consoleUrl, Clock clock) {
        this.channels = List.copyOf(channels);
        this.log = log;
        this.findings = findings;
        this.threshold = threshold;
        this.clock = clock;
        this.newFindings = new NewFindingsMessage(threshold, 20, catalog);
        this.approvals = new RemediationApprovalMessage(consoleUrl, catalog);
        this.digest = new DailyDigest(log, new DigestMessage(catalog), clock);
    }

    public boolean enabled() {
        return !channels.isEmpty();
    }

    /** Announces the findings an audit opened or regressed, above the threshold, once each. */
    public int newFindings(AuditSummary audit) {
        if (!enabled() || audit.newFindings().isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<FindingView> fresh = new ArrayList<>();
        for (String ref : audit.newFindings()) {
            findings.find(ref)
                    .filter(f -> f.status().actionable() && f.score() >= threshold)
                    .filter(f -> log.claim("new-finding", f.fingerprint() + "#" + f.regressions(), now))
                    .ifPresent(fresh::add);
        }
        newFindings.build(fresh).ifPresent(this::sendToAll);
        return fresh.size();
    }

    /** Announces a remediation plan waiting for approval, once. */
    public void awaitingApproval(RemediationView r) {
        if (!enabled() || !log.claim("remediation-approval", String.valueOf(r.id()), clock.instant())) {
            return;
        }
        String check = findings.find(String.valueOf(r.findingId())).map(FindingView::check).orElse(r.remediationId());
        sendToAll(approvals.build(new RemediationApproval(String.valueOf(r.id()), check, r.resourceId(),
                r.plan().calls().stream().map(c -> c.service() + ":" + c.operation()).toList(),
                "/remediations/" + r.id())));
    }

    /** Sends today's digest on each channel unless already sent; returns how many channels sent it. */
    public int dailyDigest() {
        int sent = 0;
        for (NotificationChannel channel : channels) {
            try {
                if (digest.sendIfDue(channel, () -> findings.list(FindingFilter.open()))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.warn("daily digest on {} failed: {}", channel.name(), e.getMessage());
            }
        }
        return sent;
    }

    /**
     * Once a day, one message per owner listing their active certificates that expire within
     * {@code window} (deduplicated through the notification log across nodes and restarts).
     */
    public int certificateExpiry(io.watchkeeper.certmanager.ExpiryDigest digests, java.time.Duration window) {
        if (channels.isEmpty()) {
            return 0;
        }
        int sent = 0;
        String day = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).toString();
        for (var digest : digests.expiringWithin(window)) {
            if (!log.claim("certificate-expiry", digest.owner() + ":" + day, clock.instant())) {
                continue; // already sent today
            }
            sendToAll(new Notification(digest.certificates().size() + " certificate(s) of " + digest.owner()
                    + " expire within " + window.toDays() + " days", digest.body()));
            sent++;
        }
        return sent;
    }

    /** Failure alerts: one message per certificate per day whose renewal (or its verification) failed. */
    public int renewalFailures(List<io.watchkeeper.certmanager.rotation.Renewals.Outcome> outcomes) {
        int sent = 0;
        String day = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).toString();
        for (var o : outcomes) {
            if (o.error() == null || channels.isEmpty()
                    || !log.claim("certificate-renewal-failed", o.certificateId() + ":" + day, clock.instant())) {
                continue;
            }
            sendToAll(new Notification("Certificate " + o.certificateId() + (o.newCertificateId() == null
                    ? " could not be renewed" : " was renewed as " + o.newCertificateId() + " but not verified"),
                    o.error() + "\n\nSee: watchkeeper certs show " + o.certificateId()));
            sent++;
        }
        return sent;
    }

    private void sendToAll(Notification notification) {
        for (NotificationChannel channel : channels) {
            try {
                channel.send(notification);
            } catch (RuntimeException e) {
                LOG.warn("notification on {} failed: {}", channel.name(), e.getMessage());
            }
        }
    }

}
