package io.watchkeeper.web.service;

import io.watchkeeper.aws.AwsOrganizations;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.aws.AwsSessionFactory;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.gcp.GcpCredentialsRef;
import io.watchkeeper.gcp.GcpPermissions;
import io.watchkeeper.gcp.GcpProjects;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.gcp.GcpSessionFactory;
import io.watchkeeper.watchers.WatcherRegistry;
import java.util.TreeSet;
import io.watchkeeper.web.security.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Accounts (admins only), each change audited once, from the console, the API and the command line.
 * Adding accounts (by hand or from AWS Organizations) is for admins of every account: a new account
 * is outside every limited scope. An admin limited to some accounts enables, disables and tests only
 * those; other accounts do not exist for it (404). The schedule follows a change at once.
 */
@Service
public class AccountAdmin {

    private final AccountStore accounts;
    private final AwsSessionFactory aws;
    private final GcpSessionFactory gcp;
    private final WatcherRegistry watchers;
    private final AuditLog audit;
    private final ScheduleSync schedule;
    private final TransactionTemplate tx;
    private final Map<Provider, ProviderConnectionTest> providerTests;

    public AccountAdmin(AccountStore accounts, AwsSessionFactory aws, GcpSessionFactory gcp, WatcherRegistry watchers,
                        AuditLog audit, ScheduleSync schedule, PlatformTransactionManager transactions,
                        List<ProviderConnectionTest> providerTests) {
        this.accounts = accounts;
        this.aws = aws;
        this.gcp = gcp;
        this.watchers = watchers;
        this.providerTests = providerTests.stream().collect(Collectors.toMap(ProviderConnectionTest::provider, t -> t));
        this.audit = audit;
        this.schedule = schedule;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * The result of a connection test: the identity the cloud answered with, or the error; for GCP also
     * the permissions the watchers need that the credential lacks on the project (then not ok).
     */
    public record ConnectionTest(boolean ok, String identity, String error, List<String> missingPermissions) {
        public ConnectionTest {
            missingPermissions = missingPermissions == null ? List.of() : List.copyOf(missingPermissions);
        }

        public ConnectionTest(boolean ok, String identity, String error) {
            this(ok, identity, error, List.of());
        }
    }

    /** A project found under a GCP organisation or folder, and whether it was added (false in a dry run). */
    public record DiscoveredProject(String name, String projectId, String parent, boolean added) {}

    /**
     * How a GCP project is reached, from what a person gave: {@code credentials} is a key file path (it
     * must be readable by its owner only; stored as {@code file:/absolute/path}, never its content),
     * {@code none} (no credential; only with an endpoint) or empty (Application Default Credentials);
     * {@code impersonate} a service account e-mail or empty.
     */
    public static AccountAccess gcpAccess(String credentials, String impersonate) {
        return new AccountAccess(blank(impersonate), null, GcpCredentialsRef.reference(blank(credentials)));
    }

    /** A member account found in AWS Organizations, and whether it was added (false in a dry run). */
    public record Discovered(String name, String accountId, String roleArn, boolean added) {}

    public List<Account> list(Caller caller) {
        caller.require(Role.VIEWER);
        return accounts.list().stream().filter(a -> caller.scope().allows(a.id())).toList();
    }

    /** The account called {@code name}, when the caller may see it (an unknown or hidden name is bad input). */
    public Account find(String name, Caller caller) {
        Account account = accounts.require(name);
        if (!caller.scope().allows(account.id())) {
            throw new InvalidInputException("unknown account '" + name + "'");
        }
        return account;
    }

    /** Registers an account (validated by {@link AccountSpec}). */
    public Account add(AccountSpec spec, Caller caller) {
        requireAccountAdmin(caller);
        if (spec.provider() == Provider.GCP) {
            requireGcpAccess(spec.access());
        }
        Account added = tx.execute(status -> {
            Account account = accounts.add(spec);
            audit.record(new AuditEntry(caller.actor(), "account.add", "account:" + account.name(), null,
                    describe(account)));
            return account;
        });
        schedule.now();
        return added;
    }

    public Account setActive(long id, boolean active, Caller caller) {
        caller.require(Role.ADMIN);
        Account before = require(id, caller);
        Account after = tx.execute(status -> {
            accounts.setActive(id, active);
            Account changed = require(id, caller);
            audit.record(new AuditEntry(caller.actor(), active ? "account.enable" : "account.disable",
                    "account:" + changed.name(), describe(before), describe(changed)));
            return changed;
        });
        schedule.now();
        return after;
    }

    /**
     * Registers the active members of the hub's AWS Organization that are not known yet, each reached
     * through {@code roleName}; a dry run only lists them.
     */
    public List<Discovered> discover(String roleName, String externalId, List<String> regions, boolean dryRun,
                                     Caller caller) {
        requireAccountAdmin(caller);
        if (roleName == null || !roleName.matches("[\\w+=,.@/-]{1,64}")) {
            throw new InvalidInputException("invalid role name '" + roleName + "'");
        }
        Set<String> known = accounts.list().stream().map(Account::externalId).collect(Collectors.toSet());
        List<Discovered> found = new ArrayList<>();
        for (AwsOrganizations.Member member : AwsOrganizations.activeMembers(aws)) {
            if (known.contains(member.accountId())) {
                continue;
            }
            String role = "arn:aws:iam::" + member.accountId() + ":role/" + roleName;
            AccountSpec spec = new AccountSpec(Provider.AWS, AwsOrganizations.safeName(member), member.accountId(),
                    new AccountAccess(role, blank(externalId), null), regions, Map.of("discovered", "organizations"), false);
            if (!dryRun) {
                tx.executeWithoutResult(status -> {
                    Account account = accounts.add(spec);
                    audit.record(new AuditEntry(caller.actor(), "account.add", "account:" + account.name(), null,
                            describe(account)));
                });
            }
            found.add(new Discovered(spec.name(), spec.externalId(), role, !dryRun));
        }
        if (!dryRun && !found.isEmpty()) {
            schedule.now();
        }
        return found;
    }

    /**
     * Registers the active projects under a GCP organisation (or one of its folders) that are not known
     * yet, each reached with {@code credentials} (a key file path, {@code none} or empty for ADC); a dry
     * run only lists them. Projects: Resource Manager v3, paged, folders walked down.
     */
    public List<DiscoveredProject> discoverGcp(String organizationId, String folderId, String credentials, boolean dryRun,
                                               Caller caller) {
        requireAccountAdmin(caller);
        AccountAccess access = gcpAccess(credentials, null);
        Set<String> known = accounts.list().stream().filter(a -> a.provider() == Provider.GCP).map(Account::externalId)
                .collect(Collectors.toSet());
        Set<String> names = accounts.list().stream().map(Account::name).collect(Collectors.toSet());
        List<DiscoveredProject> found = new ArrayList<>();
        for (GcpProjects.Found project : GcpProjects.under(gcp, blank(organizationId), blank(folderId), access.credentialsRef())) {
            if (!known.add(project.projectId())) {
                continue;
            }
            String name = GcpProjects.safeName(project);
            if (!names.add(name)) {
                name = "gcp-" + name;
                names.add(name);
            }
            AccountSpec spec = new AccountSpec(Provider.GCP, name, project.projectId(), access, List.of(),
                    Map.of("discovered", "resourcemanager"), false);
            if (!dryRun) {
                tx.executeWithoutResult(status -> {
                    Account account = accounts.add(spec);
                    audit.record(new AuditEntry(caller.actor(), "account.add", "account:" + account.name(), null,
                            describe(account)));
                });
            }
            found.add(new DiscoveredProject(spec.name(), spec.externalId(), project.parent(), !dryRun));
        }
        if (!dryRun && !found.isEmpty()) {
            schedule.now();
        }
        return found;
    }

    /**
     * Opens a session (assuming the role or impersonating the service account when one is set; the
     * session proves the account's identity). For GCP, also asks {@code testIamPermissions} on the
     * project for every permission the GCP watchers need and names the missing ones.
     */
    public ConnectionTest test(long id, Caller caller) {
        caller.require(Role.ADMIN);
        Account account = require(id, caller);
        if (account.provider() == Provider.GCP) {
            return testGcp(account);
        }
        if (providerTests.containsKey(account.provider())) {
            return providerTests.get(account.provider()).test(account);
        }
        if (account.provider() != Provider.AWS) {
            return new ConnectionTest(false, null, "no connection test for " + account.provider().id() + " accounts");
        }
        try (AwsSession session = aws.open(account)) {
            return new ConnectionTest(true, session.sts().getCallerIdentity().arn(), null);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new ConnectionTest(false, null, message.length() > 300 ? message.substring(0, 300) + "…" : message);
        }
    }

    private ConnectionTest testGcp(Account account) {
        Set<String> needed = new TreeSet<>();
        watchers.forProvider(Provider.GCP).forEach(w -> needed.addAll(w.requiredPermissions()));
        try (GcpSession session = gcp.open(account)) {
            String identity = "project " + session.project().projectId() + " (number " + session.project().number() + ")"
                    + (account.access().roleArn() == null ? "" : " as " + account.access().roleArn());
            List<String> missing = GcpPermissions.missing(session, needed);
            return new ConnectionTest(missing.isEmpty(), identity, missing.isEmpty() ? null
                    : missing.size() + " permission(s) missing on the project: " + String.join(", ", missing), missing);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new ConnectionTest(false, null, message.length() > 300 ? message.substring(0, 300) + "…" : message);
        }
    }

    /** A GCP key file given by reference must exist and be readable by its owner only (checked again at every open). */
    private static void requireGcpAccess(AccountAccess access) {
        String ref = access.credentialsRef();
        if (ref != null && ref.startsWith("file:")) {
            GcpCredentialsRef.requireOwnerOnly(java.nio.file.Path.of(ref.substring("file:".length())));
        }
    }

    private static void requireAccountAdmin(Caller caller) {
        caller.require(Role.ADMIN);
        Scopes.requireEveryAccount(caller, "only an admin of every account adds accounts");
    }

    private Account require(long id, Caller caller) {
        caller.requireAccount(id);
        return accounts.findById(id).orElseThrow(Caller.NotVisibleException::new);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** An account as the audit log records it (the role's external id only as set or not). */
    private static JsonNode describe(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("provider", a.provider().id());
        m.put("accountId", a.externalId());
        m.put("roleArn", a.access().roleArn() == null ? "" : a.access().roleArn());
        if (a.provider() == Provider.GCP) {
            m.put("credentials", a.access().credentialsRef() == null ? "adc" : a.access().credentialsRef());
        }
        m.put("externalIdSet", a.access().roleExternalId() != null);
        m.put("regions", a.regions());
        m.put("tags", a.tags());
        m.put("active", a.active());
        m.put("thirdParty", a.thirdParty());
        return Json.tree(m);
    }
}
