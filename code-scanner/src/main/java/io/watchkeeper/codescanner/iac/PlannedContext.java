package io.watchkeeper.codescanner.iac;

import io.watchkeeper.auditors.EntityClassifier;
import io.watchkeeper.codescanner.iac.mapping.Planned;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit context of planned configuration: the owning account is the one the code is deployed
 * to (the matched live account, or a stand-in), related items are the other resources declared in
 * the same module or template, and a principal known only at apply time is that same account.
 */
final class PlannedContext implements AuditContext {

    /** The stand-in account id (see mapping.Policies). */
    static final String PLANNED_ACCOUNT = "000000000000";

    private final Account account;
    private final List<Planned> unit;
    private final EntityClassifier classifier;

    PlannedContext(Account account, List<Planned> unit) {
        this.account = account == null ? planned() : account;
        this.unit = unit;
        this.classifier = new EntityClassifier(this.account.externalId(), List.of(), Map.of());
    }

    static Account planned() {
        return new Account(0, Provider.AWS, "planned", PLANNED_ACCOUNT, AccountAccess.NONE, List.of(), Map.of(), true, false);
    }

    static Account live(String name, String id) {
        return new Account(0, Provider.AWS, name, id, AccountAccess.NONE, List.of(), Map.of(), true, false);
    }

    @Override
    public Account account() {
        return account;
    }

    @Override
    public String region() {
        return null;
    }

    @Override
    public <T extends Record> List<Related<T>> related(ResourceType type, Class<T> configType) {
        List<Related<T>> out = new ArrayList<>();
        for (Planned p : unit) {
            if (p.type().equals(type.id()) && configType.isInstance(p.config())) {
                out.add(new Related<>(null, p.origin().address(), p.name(), configType.cast(p.config())));
            }
        }
        return out;
    }

    @Override
    public EntityClass classifyPrincipal(String principal) {
        if (principal != null && (principal.trim().equals(PLANNED_ACCOUNT) || principal.contains(":" + PLANNED_ACCOUNT + ":"))) {
            return EntityClass.SAME_ACCOUNT;
        }
        return classifier.principal(principal);
    }

    @Override
    public EntityClass classifyNetwork(String source) {
        return classifier.network(source);
    }
}
