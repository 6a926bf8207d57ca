package io.watchkeeper.auditors;

import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.CheckParameter;
import io.watchkeeper.core.finding.ParameterSpec;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.ItemSnapshot;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The audit context of one account: related items loaded once per type and decoded once per config class. */
final class AccountAuditContext {

    private final Account account;
    private final EntityClassifier classifier;
    private final Function<String, List<ItemSnapshot>> loader;
    private final Map<String, List<ItemSnapshot>> raw = new HashMap<>();
    private final Map<String, List<AuditContext.Related<?>>> decoded = new HashMap<>();
    private final Map<String, Long> parameters;

    AccountAuditContext(Account account, EntityClassifier classifier, Function<String, List<ItemSnapshot>> loader) {
        this(account, classifier, loader, Map.of());
    }

    AccountAuditContext(Account account, EntityClassifier classifier, Function<String, List<ItemSnapshot>> loader,
                        Map<String, Long> parameters) {
        this.account = account;
        this.classifier = classifier;
        this.loader = loader;
        this.parameters = Map.copyOf(parameters);
    }

    /** The parameter values in force for {@code account} ({@code checkId|name}): its own beat those for every account. */
    static Map<String, Long> parameters(Account account, List<CheckParameter> all) {
        Map<String, Long> out = new HashMap<>();
        for (CheckParameter p : all) {
            if (p.accountId() == null) {
                out.putIfAbsent(p.checkId() + "|" + p.name(), p.value());
            }
        }
        for (CheckParameter p : all) {
            if (p.accountId() != null && p.accountId() == account.id()) {
                out.put(p.checkId() + "|" + p.name(), p.value());
            }
        }
        return out;
    }

    /** Seeds the related-item cache with items already loaded for auditing. */
    void preload(String type, List<ItemSnapshot> items) {
        raw.put(type, items);
    }

    AuditContext forRegion(String region) {
        return new AuditContext() {
            @Override
            public Account account() {
                return account;
            }

            @Override
            public String region() {
                return region;
            }

            @Override
            public <T extends Record> List<Related<T>> related(ResourceType type, Class<T> configType) {
                return AccountAuditContext.this.related(type.id(), configType);
            }

            @Override
            public long parameter(String checkId, ParameterSpec spec) {
                return spec.effective(parameters.get(checkId + "|" + spec.name()));
            }

            @Override
            public EntityClass classifyPrincipal(String principal) {
                return classifier.principal(principal);
            }

            @Override
            public EntityClass classifyNetwork(String source) {
                return classifier.network(source);
            }

            @Override
            public boolean trustedDomain(String domain) {
                return classifier.trustedDomain(domain);
            }

            @Override
            public EntityClass classifyGcpProject(String project) {
                return classifier.gcpProject(project);
            }
        };
    }

    @SuppressWarnings("unchecked")
    synchronized <T extends Record> List<AuditContext.Related<T>> related(String type, Class<T> configType) {
        String key = type + "|" + configType.getName();
        List<AuditContext.Related<?>> cached = decoded.get(key);
        if (cached == null) {
            List<ItemSnapshot> items = raw.computeIfAbsent(type, loader);
            List<AuditContext.Related<?>> out = new ArrayList<>(items.size());
            for (ItemSnapshot item : items) {
                if (item.deleted() || item.config() == null) {
                    continue;
                }
                try {
                    out.add(new AuditContext.Related<>(item.region(), item.resourceId(), item.name(),
                            Json.mapper().treeToValue(item.config(), configType)));
                } catch (RuntimeException e) {
                    // an item that does not decode is not evidence either way
                }
            }
            cached = List.copyOf(out);
            decoded.put(key, cached);
        }
        return (List<AuditContext.Related<T>>) (List<?>) cached;
    }

}
