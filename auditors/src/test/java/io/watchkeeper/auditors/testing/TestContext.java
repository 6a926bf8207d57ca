package io.watchkeeper.auditors.testing;

import io.watchkeeper.auditors.EntityClassifier;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.ParameterSpec;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link AuditContext} for check tests: the owning account {@value #OWNER}, a friendly
 * registered account {@value #FRIENDLY}, a third-party one {@value #THIRD_PARTY}, a trusted office
 * network {@value #OFFICE}, and related items added with {@link #with}.
 */
public final class TestContext implements AuditContext {

    public static final String OWNER = "111111111111";
    public static final String FRIENDLY = "222222222222";
    public static final String THIRD_PARTY = "333333333333";
    public static final String UNKNOWN = "999999999999";
    public static final String OFFICE = "203.0.113.0/24";

    private final Account account;
    private final String region;
    private EntityClassifier classifier;
    private List<Account> known;
    private final Map<ResourceType, List<Related<?>>> related = new HashMap<>();
    private final Map<String, Long> parameters = new HashMap<>();

    public TestContext() {
        this("us-east-1");
    }

    public TestContext(String region) {
        this.region = region;
        this.account = new Account(1, Provider.AWS, "prod", OWNER, AccountAccess.NONE, List.of(region),
                Map.of("env", "prod"), true, false);
        this.known = List.of(account,
                new Account(2, Provider.AWS, "shared", FRIENDLY, AccountAccess.NONE, List.of(), Map.of(), true, false),
                new Account(3, Provider.AWS, "vendor", THIRD_PARTY, AccountAccess.NONE, List.of(), Map.of(), true, true));
        this.classifier = new EntityClassifier(OWNER, known, Map.of("office", OFFICE));
    }

    /** Declares GCP member domains trusted ({@code watchkeeper.gcp.trusted-domains}), through the real classifier. */
    public TestContext trustingDomains(String... domains) {
        this.classifier = new EntityClassifier(OWNER, known, Map.of("office", OFFICE), List.of(domains));
        return this;
    }

    /**
     * Audits as GCP project {@code owner}, with a watched project {@value #GCP_FRIENDLY} and a third-party one
     * {@value #GCP_THIRD_PARTY} registered, {@code numbers} as the watched projects' numbers (number to id) and
     * {@code trusted} declared in {@code watchkeeper.gcp.trusted-projects}, through the real classifier.
     */
    public TestContext asGcpProject(String owner, Map<String, String> numbers, String... trusted) {
        List<Account> all = new ArrayList<>(known);
        all.add(new Account(10, Provider.GCP, owner, owner, AccountAccess.NONE, List.of(), Map.of(), true, false));
        all.add(new Account(11, Provider.GCP, "shared", GCP_FRIENDLY, AccountAccess.NONE, List.of(), Map.of(), true, false));
        all.add(new Account(12, Provider.GCP, "partner", GCP_THIRD_PARTY, AccountAccess.NONE, List.of(), Map.of(), true, true));
        this.known = List.copyOf(all);
        this.classifier = new EntityClassifier(owner, known, Map.of("office", OFFICE)).withGcpProjects(List.of(trusted), () -> numbers);
        return this;
    }

    public static final String GCP_FRIENDLY = "shared-project";
    public static final String GCP_THIRD_PARTY = "partner-project";

    /** Adds a related item of {@code type}. */
    public <T extends Record> TestContext with(String type, String region, String name, T config) {
        related.computeIfAbsent(ResourceType.of(type), t -> new ArrayList<>())
                .add(new Related<>(region, "arn:test:" + name, name, config));
        return this;
    }

    /** Sets check {@code checkId}'s parameter {@code name} as someone would with {@code checks set-parameter}. */
    public TestContext withParameter(String checkId, String name, long value) {
        parameters.put(checkId + "|" + name, value);
        return this;
    }

    @Override
    public long parameter(String checkId, ParameterSpec spec) {
        return spec.effective(parameters.get(checkId + "|" + spec.name()));
    }

    @Override
    public Account account() {
        return account;
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Record> List<Related<T>> related(ResourceType type, Class<T> configType) {
        return related.getOrDefault(type, List.of()).stream()
                .filter(r -> configType.isInstance(r.config()))
                .map(r -> (Related<T>) r)
                .toList();
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
}
