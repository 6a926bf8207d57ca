package io.watchkeeper.web.service;

import io.watchkeeper.auditors.AuditEngine;
import io.watchkeeper.auditors.policy.Wildcards;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.finding.FindingFilter;
import io.watchkeeper.core.finding.FindingOwners;
import io.watchkeeper.core.finding.SuppressionRule;
import java.util.Set;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.finding.FindingReader;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingTriage;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.security.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Triage of findings — justify, reopen, assign an owner, suppression rules — for the console, the
 * API and the command line alike: each checks the caller's role and accounts and writes the audit
 * log once ({@code finding:<id>}, {@code suppression:<id>}).
 *
 * <p>Justifying in bulk has an exact preview: the preview lists every finding that will change
 * (from which status to which) and the ones that will not (and why), plus a token over that list.
 * Applying requires the token, so nothing changes that the person did not see — if a finding
 * changed in between, the apply is refused and a new preview is needed. All of a bulk apply is one
 * transaction and one audit entry per finding. The command line names one finding (or one rule) and
 * applies its own preview at once.
 */
@Service
public class Triage {

    /** Most findings one bulk action may touch. */
    public static final int MAX_BULK = 1000;

    private final FindingReader findings;
    private final FindingTriage triage;
    private final FindingOwners owners;
    private final AuditLog audit;
    private final AuditEngine engine;
    private final Dashboard dashboard;
    private final TransactionTemplate tx;

    public Triage(FindingReader findings, FindingTriage triage, FindingOwners owners, AuditLog audit, AuditEngine engine,
                  Dashboard dashboard, PlatformTransactionManager transactions) {
        this.findings = findings;
        this.triage = triage;
        this.owners = owners;
        this.audit = audit;
        this.engine = engine;
        this.dashboard = dashboard;
        this.tx = new TransactionTemplate(transactions);
    }

    /** One finding that the action will change. */
    public record Change(long findingId, String check, String account, String resource, String severity,
                         String fromStatus, String toStatus) {}

    /** One finding the action will not change, and why. */
    public record Skip(long findingId, String reason) {}

    /** What an action will do; {@code token} must be sent back to apply it. */
    public record Preview(String action, List<Change> changes, List<Skip> skipped, String token) {}

    public Preview previewJustify(List<Long> ids, String reason, OffsetDateTime until, Caller caller) {
        caller.require(Role.JUSTIFIER);
        requireReason(reason);
        if (until == null || !until.isAfter(OffsetDateTime.now())) {
            throw new InvalidInputException("a justification needs an expiry ('until') in the future: "
                    + "accepted risks are reviewed again when they expire");
        }
        List<Change> changes = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        for (long id : distinct(ids)) {
            Optional<FindingView> found = visible(id, caller);
            if (found.isEmpty()) {
                skipped.add(new Skip(id, "not found"));
            } else if (!found.get().status().present()) {
                skipped.add(new Skip(id, found.get().status().name().toLowerCase() + " findings cannot be justified"));
            } else {
                FindingView f = found.get();
                changes.add(new Change(f.id(), f.check(), f.account(), f.resourceName(), f.severity().name(),
                        f.status().name(), FindingStatus.JUSTIFIED.name()));
            }
        }
        return new Preview("justify", changes, skipped, token("justify", reason, until, changes));
    }

    @Transactional
    public List<FindingView> justify(List<Long> ids, String reason, OffsetDateTime until, String token, Caller caller) {
        Preview preview = previewJustify(ids, reason, until, caller);
        if (token == null || !token.equals(preview.token())) {
            throw new StalePreviewException();
        }
        List<FindingView> done = new ArrayList<>();
        for (Change change : preview.changes()) {
            FindingView after = triage.justify(change.findingId(), caller.actor(), reason.strip(), until);
            audit.record(new AuditEntry(caller.actor(), "finding.justify", "finding:" + change.findingId(),
                    Json.tree(Map.of("status", change.fromStatus())), Json.tree(Map.of("status", after.status().name(),
                            "reason", reason.strip(), "until", until == null ? "" : until.toString()))));
            done.add(after);
        }
        dashboard.invalidate();
        return done;
    }

    /**
     * Justifies one finding (the command line names one: what it names is what changes); refuses, as
     * bad input, a finding that cannot be justified.
     */
    @Transactional
    public FindingView justifyOne(long id, String reason, OffsetDateTime until, Caller caller) {
        Preview preview = previewJustify(List.of(id), reason, until, caller);
        if (preview.changes().isEmpty()) {
            Skip skip = preview.skipped().getFirst();
            if (skip.reason().equals("not found")) {
                throw new Caller.NotVisibleException();
            }
            throw new InvalidInputException("finding #" + id + ": " + skip.reason());
        }
        return justify(List.of(id), reason, until, preview.token(), caller).getFirst();
    }

    @Transactional
    public FindingView unjustify(long id, String reason, Caller caller) {
        caller.require(Role.JUSTIFIER);
        requireReason(reason);
        FindingView before = visible(id, caller).orElseThrow(Caller.NotVisibleException::new);
        FindingView after = triage.unjustify(id, caller.actor(), reason.strip());
        audit.record(new AuditEntry(caller.actor(), "finding.unjustify", "finding:" + id,
                Json.tree(Map.of("status", before.status().name())), Json.tree(Map.of("status", after.status().name(),
                        "reason", reason.strip()))));
        dashboard.invalidate();
        return after;
    }

    @Transactional
    public FindingView assign(long id, String owner, Caller caller) {
        caller.require(Role.COMMENTER);
        String cleaned = owner == null || owner.isBlank() ? null : owner.strip();
        if (cleaned != null && cleaned.length() > 200) {
            throw new InvalidInputException("owner is longer than 200 characters");
        }
        FindingView before = visible(id, caller).orElseThrow(Caller.NotVisibleException::new);
        owners.assign(id, cleaned, caller.actor());
        Map<String, String> beforeJson = new LinkedHashMap<>();
        beforeJson.put("owner", before.owner() == null ? "" : before.owner());
        audit.record(new AuditEntry(caller.actor(), "finding.assign", "finding:" + id, Json.tree(beforeJson),
                Json.tree(Map.of("owner", cleaned == null ? "" : cleaned))));
        return visible(id, caller).orElseThrow();
    }

    /**
     * What a new suppression rule would hide now: every present finding in the caller's accounts whose
     * check matches {@code checkPattern} (id or glob), in {@code accountId} (or every account in scope
     * when null) and whose resource id matches {@code resourcePattern} (glob, or all). Findings that
     * appear later and match are suppressed too — the preview says so.
     */
    public Preview previewSuppress(String checkPattern, Long accountId, String resourcePattern, String reason,
                                   OffsetDateTime expiresAt, Caller caller) {
        caller.require(Role.JUSTIFIER);
        requireReason(reason);
        if (checkPattern == null || !checkPattern.matches("[a-z0-9.*?/-]{1,200}")) {
            throw new InvalidInputException("a suppression needs a check id or glob such as aws.s3.bucket/*");
        }
        if (accountId == null && !caller.scope().unrestricted()) {
            throw new InvalidInputException("choose one of your accounts: you cannot suppress across every account");
        }
        if (accountId != null) {
            caller.requireAccount(accountId);
        }
        String resource = resourcePattern == null || resourcePattern.isBlank() ? null : resourcePattern.strip();
        List<Change> changes = new ArrayList<>();
        for (FindingView f : findings.list(new FindingFilter(Set.of(FindingStatus.OPEN, FindingStatus.REGRESSED,
                FindingStatus.JUSTIFIED), null, checkPattern, null, null, null, null, null, null, 5000, caller.scope()))) {
            if ((accountId == null || f.accountKey() == accountId)
                    && (resource == null || Wildcards.matches(resource, f.resourceId()))) {
                changes.add(new Change(f.id(), f.check(), f.account(), f.resourceName(), f.severity().name(),
                        f.status().name(), FindingStatus.SUPPRESSED.name()));
            }
        }
        if (changes.size() > MAX_BULK) {
            throw new InvalidInputException(changes.size() + " findings match; narrow the rule to at most " + MAX_BULK);
        }
        String key = "suppress\n" + checkPattern + "\n" + accountId + "\n" + resource + "\n" + expiresAt;
        return new Preview("suppress", changes, List.of(), token(key, reason, expiresAt, changes));
    }

    /** Adds the previewed suppression rule and re-audits the affected items at once. */
    @Transactional
    public SuppressionRule suppress(String checkPattern, Long accountId, String resourcePattern, String reason,
                                    OffsetDateTime expiresAt, String token, Caller caller) {
        Preview preview = previewSuppress(checkPattern, accountId, resourcePattern, reason, expiresAt, caller);
        if (token == null || !token.equals(preview.token())) {
            throw new StalePreviewException();
        }
        String resource = resourcePattern == null || resourcePattern.isBlank() ? null : resourcePattern.strip();
        SuppressionRule rule = triage.addSuppression(checkPattern, accountId, resource, reason.strip(), caller.actor(),
                expiresAt);
        audit.record(new AuditEntry(caller.actor(), "suppression.add", "suppression:" + rule.id(), null,
                Json.tree(Map.of("check", checkPattern, "account", accountId == null ? "all" : accountId.toString(),
                        "resource", resource == null ? "*" : resource, "findings", preview.changes().size()))));
        List<Long> itemIds = preview.changes().stream()
                .map(c -> findings.find(Long.toString(c.findingId())).map(FindingView::itemId).orElse(-1L))
                .filter(id -> id > 0).distinct().toList();
        if (!itemIds.isEmpty()) {
            engine.auditChanged(itemIds, "suppression", caller.actor());
        }
        dashboard.invalidate();
        return rule;
    }

    /** Active suppression rules the caller may see: those of its accounts and those for every account. */
    public List<SuppressionRule> suppressions(Caller caller) {
        caller.require(Role.VIEWER);
        return triage.suppressions().stream()
                .filter(r -> r.accountId() == null || caller.scope().allows(r.accountId())).toList();
    }

    /**
     * Removes an active suppression rule (a rule for every account only by a caller who sees every
     * account) and re-audits the types its checks apply to, so its findings reopen at once.
     */
    public SuppressionRule unsuppress(long ruleId, Caller caller) {
        caller.require(Role.JUSTIFIER);
        SuppressionRule rule = triage.suppressions().stream().filter(r -> r.id() == ruleId).findFirst()
                .orElseThrow(() -> new InvalidInputException("no active suppression rule " + ruleId));
        if (rule.accountId() == null) {
            Scopes.requireEveryAccount(caller, "a rule for every account is removed by a user of every account");
        } else {
            caller.requireAccount(rule.accountId());
        }
        tx.executeWithoutResult(status -> {
            if (!triage.removeSuppression(ruleId, caller.actor())) {
                throw new InvalidInputException("no active suppression rule " + ruleId);
            }
            audit.record(new AuditEntry(caller.actor(), "suppression.remove", "suppression:" + ruleId,
                    Json.tree(Map.of("check", rule.checkPattern(), "account", rule.accountId() == null ? "all"
                            : rule.accountId().toString(), "resource", rule.resourcePattern() == null ? "*"
                            : rule.resourcePattern())), null));
        });
        Set<String> types = new TreeSet<>();
        engine.checks().all().stream().filter(c -> Wildcards.matches(rule.checkPattern(), c.id().id()))
                .forEach(c -> types.add(c.appliesTo().id()));
        if (!types.isEmpty()) {
            engine.auditTypes(types, "suppression", caller.actor());
        }
        dashboard.invalidate();
        return rule;
    }

    /** A finding the caller may see. */
    public Optional<FindingView> visible(long id, Caller caller) {
        return findings.find(Long.toString(id)).filter(f -> caller.scope().allows(f.accountKey()));
    }

    private static List<Long> distinct(List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("select at least one finding");
        }
        TreeSet<Long> unique = new TreeSet<>(ids);
        if (unique.size() > MAX_BULK) {
            throw new InvalidInputException("at most " + MAX_BULK + " findings per action");
        }
        return List.copyOf(unique);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("a reason is required");
        }
        if (reason.length() > 2000) {
            throw new InvalidInputException("the reason is longer than 2000 characters");
        }
    }

    private static String token(String action, String reason, OffsetDateTime until, List<Change> changes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((action + "\n" + reason.strip() + "\n" + until + "\n").getBytes(StandardCharsets.UTF_8));
            for (Change c : changes) {
                sha.update((c.findingId() + ":" + c.fromStatus() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The findings changed since the preview: a new preview is needed. Answered as 409. */
    public static final class StalePreviewException extends RuntimeException {
        public StalePreviewException() {
            super("the findings changed since the preview (or no preview token was sent): preview again");
        }
    }
}
