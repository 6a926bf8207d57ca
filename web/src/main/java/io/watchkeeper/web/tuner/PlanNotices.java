package io.watchkeeper.web.tuner;

import io.watchkeeper.auditors.notify.Notification;
import io.watchkeeper.auditors.notify.NotificationChannel;
import io.watchkeeper.auditors.notify.SmtpChannel;
import io.watchkeeper.auditors.notify.SmtpSettings;
import io.watchkeeper.core.tuner.TunerNotice;
import io.watchkeeper.core.tuner.TunerNoticeStore;
import io.watchkeeper.core.tuner.TunerPlan;
import io.watchkeeper.iamtuner.plan.PrincipalPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices of a scheduled plan to the owners of the principals it changes: one per owner contact (e-mail through
 * the notification SMTP server, and/or the owner's https webhook), naming the plan, each principal's actions to
 * be removed and the date after which it may be applied; plus one record for the principals nobody could be told
 * about ({@code NO_OWNER}, {@code NO_CONTACT}), which the plan shows as "no owner notified".
 * {@link #draft} runs inside the scheduling transaction (the rows are stored with the schedule and its audit entry);
 * {@link #deliver} after it commits, so no transaction waits on a mail server.
 */
public final class PlanNotices {

    private static final Logger LOG = LoggerFactory.getLogger(PlanNotices.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private record Route(String owner, TunerNotice.Channel channel, String recipient) {}

    private final OwnerDirectory owners;
    private final Function<String, NotificationChannel> mail;
    private final TunerNoticeStore store;
    private final String consoleUrl;
    private final Clock clock;

    /**
     * @param mail a channel to one address, or null when no SMTP server is configured
     */
    public PlanNotices(OwnerDirectory owners, Function<String, NotificationChannel> mail, TunerNoticeStore store,
                       String consoleUrl, Clock clock) {
        this.owners = owners;
        this.mail = mail;
        this.store = store;
        this.consoleUrl = consoleUrl == null ? "" : consoleUrl.replaceAll("/+$", "");
        this.clock = clock;
    }

    /** E-mail through the configured SMTP server to one owner address. */
    public static Function<String, NotificationChannel> smtp(String host, int port, boolean startTls, String username,
                                                             String password, String from, java.time.Duration timeout) {
        return to -> new SmtpChannel(new SmtpSettings(host, port, startTls, username, password,
                from == null ? "watchkeeper@localhost" : from, List.of(to), timeout));
    }

    /** Stores who will be told (PENDING) and who cannot be; call inside the scheduling transaction. */
    public List<TunerNotice> draft(TunerPlan plan, List<PrincipalPlan> changing) {
        Instant now = clock.instant();
        Map<String, List<String>> byContact = new LinkedHashMap<>();
        Map<String, Route> how = new LinkedHashMap<>();
        List<String> noOwner = new ArrayList<>();
        Map<String, List<String>> noContact = new LinkedHashMap<>();
        for (PrincipalPlan p : changing) {
            OwnerDirectory.Contact c = owners.find(p.arn(), p.owner());
            if (c == null) {
                noOwner.add(p.arn());
            } else if (!c.reachable()) {
                noContact.computeIfAbsent(c.owner(), k -> new ArrayList<>()).add(p.arn());
            } else {
                if (c.email() != null) {
                    String key = "EMAIL\u0000" + c.email();
                    byContact.computeIfAbsent(key, k -> new ArrayList<>()).add(p.arn());
                    how.putIfAbsent(key, new Route(c.owner(), TunerNotice.Channel.EMAIL, c.email()));
                }
                if (c.webhook() != null) {
                    String key = "WEBHOOK\u0000" + c.owner();
                    byContact.computeIfAbsent(key, k -> new ArrayList<>()).add(p.arn());
                    how.putIfAbsent(key, new Route(c.owner(), TunerNotice.Channel.WEBHOOK, c.webhookHost()));
                }
            }
        }
        List<TunerNotice> rows = new ArrayList<>();
        byContact.forEach((key, arns) -> {
            Route h = how.get(key);
            TunerNotice.Channel channel = h.channel();
            boolean noSmtp = channel == TunerNotice.Channel.EMAIL && mail == null;
            rows.add(new TunerNotice(0, plan.id(), h.owner(), channel, h.recipient(), arns,
                    noSmtp ? TunerNotice.Status.FAILED : TunerNotice.Status.PENDING,
                    noSmtp ? "no SMTP server configured (watchkeeper.notifications.email.host)" : null, now,
                    noSmtp ? now : null));
        });
        noContact.forEach((owner, arns) -> rows.add(new TunerNotice(0, plan.id(), owner, TunerNotice.Channel.NONE, null,
                arns, TunerNotice.Status.NO_CONTACT, "owner '" + owner + "' has no e-mail address or webhook configured",
                now, now)));
        if (!noOwner.isEmpty()) {
            rows.add(new TunerNotice(0, plan.id(), null, TunerNotice.Channel.NONE, null, noOwner, TunerNotice.Status.NO_OWNER,
                    "no owner tag (watchkeeper:owner) and no configured owner", now, now));
        }
        return store.add(rows);
    }

    /** Sends the pending notices and records each outcome; a failure is recorded, never thrown. */
    public List<TunerNotice> deliver(TunerPlan plan, String account, List<PrincipalPlan> changing, List<TunerNotice> drafted) {
        Map<String, PrincipalPlan> byArn = new LinkedHashMap<>();
        changing.forEach(p -> byArn.put(p.arn(), p));
        for (TunerNotice n : drafted) {
            if (n.status() != TunerNotice.Status.PENDING) {
                continue;
            }
            Notification message = message(plan, account, n, byArn);
            try {
                channel(n, plan, changing).send(message);
                store.settle(n.id(), TunerNotice.Status.SENT, null, clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("tuner notice {} of plan {} to {} failed: {}", n.id(), plan.id(), n.recipient(), e.getMessage());
                store.settle(n.id(), TunerNotice.Status.FAILED, bounded(e.getMessage()), clock.instant());
            }
        }
        return store.forPlan(plan.id());
    }

    private NotificationChannel channel(TunerNotice n, TunerPlan plan, List<PrincipalPlan> changing) {
        if (n.channel() == TunerNotice.Channel.EMAIL) {
            return mail.apply(n.recipient());
        }
        PrincipalPlan first = changing.stream().filter(p -> n.principals().contains(p.arn())).findFirst().orElseThrow();
        OwnerDirectory.Contact c = owners.find(first.arn(), first.owner());
        if (c == null || c.webhook() == null) {
            throw new IllegalStateException("the webhook of owner " + n.owner() + " is no longer configured");
        }
        return c.webhook();
    }

    Notification message(TunerPlan plan, String account, TunerNotice n, Map<String, PrincipalPlan> byArn) {
        int actions = n.principals().stream().mapToInt(a -> byArn.get(a).removed().size()).sum();
        String when = DAY.format(plan.applyAfter());
        String subject = "IAM tuner plan " + plan.id() + " (" + account + ") will remove " + actions + " unused action(s) after "
                + when;
        StringBuilder body = new StringBuilder();
        body.append("Watchkeeper's IAM tuner scheduled plan ").append(plan.id()).append(" for account ").append(oneLine(account))
                .append(".\nIt may be applied after ").append(when).append(" (").append(plan.applyAfter()).append(").\n")
                .append("You are told as the owner").append(n.owner() == null ? "" : " (" + oneLine(n.owner()) + ")")
                .append(" of these principals. The actions below were not used in the last ").append(plan.windowDays())
                .append(" days and will be removed:\n");
        for (String arn : n.principals()) {
            PrincipalPlan p = byArn.get(arn);
            body.append("\n").append(oneLine(arn)).append(" — ").append(p.removed().size()).append(" action(s):\n");
            p.removed().forEach(a -> body.append("  - ").append(oneLine(a)).append('\n'));
        }
        body.append("\nTo keep an action, use it before then or ask for an opt-out:\n  watchkeeper tuner opt-out ARN --account ")
                .append(oneLine(account)).append(" --owner O --reason R --until YYYY-MM-DD\n")
                .append("Plan: ").append(consoleUrl).append("/tuner/plans/").append(plan.id()).append('\n')
                .append("Every change can be rolled back exactly: watchkeeper tuner rollback CHANGE_ID\n");
        return new Notification(subject, body.toString());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ");
    }

    private static String bounded(String s) {
        String v = oneLine(s == null ? "failed" : s);
        return v.length() > 500 ? v.substring(0, 500) + "…" : v;
    }
}
