package io.watchkeeper.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.IamInlinePolicy;
import io.watchkeeper.core.config.aws.IamUserConfig;
import io.watchkeeper.core.inventory.AccessKeyOwner;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.PolicyDocument;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.watch.ObservedItem;
import io.watchkeeper.core.watch.ScopeSnapshot;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.db.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

class JooqAccessKeyDirectoryTest {

    private static IamUserConfig user(String name, IamUserConfig.AccessKey... keys) {
        return new IamUserConfig(name, "AIDA" + name.toUpperCase(), "arn:aws:iam::123456789012:user/" + name, "/",
                Instant.parse("2025-01-01T00:00:00Z"),
                List.of(new IamInlinePolicy("deploy", PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[]}"))),
                List.of("arn:aws:iam::aws:policy/AdministratorAccess"), List.of("admins"), null, Map.of(), false, null, false,
                List.of(keys), null);
    }

    private static ObservedItem item(IamUserConfig u) {
        return new ObservedItem(u.arn(), u.userName(), "global", CanonicalJson.of(u));
    }

    @Test
    void findsWatchedUsersKeysByIdWithStateAccountAndPolicies() {
        DSLContext dsl = TestDatabase.fresh().dsl();
        Account prod = new JooqAccountStore(dsl).add(new AccountSpec(Provider.AWS, "prod", "123456789012",
                AccountAccess.NONE, List.of(), Map.of(), false));
        JooqSnapshotStore store = new JooqSnapshotStore(dsl);
        WatchScope scope = new WatchScope(prod, WatchScope.GLOBAL, ResourceType.of("aws.iam.user"));
        Instant used = Instant.parse("2026-11-30T10:00:00Z");
        IamUserConfig deployer = user("deployer",
                new IamUserConfig.AccessKey(1, true, Instant.parse("2025-02-01T00:00:00Z"), used, "eu-west-1", "s3", "AKIAAAAAAAAAAAAAAAA2"),
                new IamUserConfig.AccessKey(2, false, Instant.parse("2025-03-01T00:00:00Z"), null, null, null, "AKIABBBBBBBBBBBBBBB3"));
        IamUserConfig gone = user("gone", new IamUserConfig.AccessKey(1, true, Instant.parse("2025-02-01T00:00:00Z"), null, null, null,
                "AKIACCCCCCCCCCCCCCC4"));
        long run = new JooqWatchRunStore(dsl).startRun("test", "tester");
        store.applyScope(new ScopeSnapshot(scope, run, List.of(item(deployer), item(gone)), Set.of(),
                EphemeralPaths.of(IamUserConfig.class)::strip));
        // "gone" is deleted by the next watch; its key no longer belongs to a watched user
        store.applyScope(new ScopeSnapshot(scope, run, List.of(item(deployer)), Set.of(), EphemeralPaths.of(IamUserConfig.class)::strip));

        Map<String, AccessKeyOwner> owners = new JooqAccessKeyDirectory(dsl).owners(List.of(
                "AKIAAAAAAAAAAAAAAAA2", "AKIABBBBBBBBBBBBBBB3", "AKIACCCCCCCCCCCCCCC4", "AKIAZZZZZZZZZZZZZZZ7", "'; drop table item; --"));

        assertThat(owners).containsOnlyKeys("AKIAAAAAAAAAAAAAAAA2", "AKIABBBBBBBBBBBBBBB3");
        AccessKeyOwner live = owners.get("AKIAAAAAAAAAAAAAAAA2");
        assertThat(live.active()).isTrue();
        assertThat(live.accountName()).isEqualTo("prod");
        assertThat(live.accountId()).isEqualTo("123456789012");
        assertThat(live.userName()).isEqualTo("deployer");
        assertThat(live.userArn()).isEqualTo("arn:aws:iam::123456789012:user/deployer");
        assertThat(live.attachedPolicyArns()).containsExactly("arn:aws:iam::aws:policy/AdministratorAccess");
        assertThat(live.inlinePolicyNames()).containsExactly("deploy");
        assertThat(live.groups()).containsExactly("admins");
        assertThat(live.lastUsed()).isEqualTo(used);
        assertThat(live.itemId()).isPositive();
        assertThat(owners.get("AKIABBBBBBBBBBBBBBB3").active()).isFalse();
        assertThat(new JooqAccessKeyDirectory(dsl).owners(List.of())).isEmpty();
    }
}
