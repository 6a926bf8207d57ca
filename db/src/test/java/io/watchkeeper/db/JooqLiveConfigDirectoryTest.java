package io.watchkeeper.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.inventory.LiveItem;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.watch.ObservedItem;
import io.watchkeeper.core.watch.ScopeSnapshot;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.db.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

class JooqLiveConfigDirectoryTest {

    private static ObservedItem group(String id, String name) {
        SecurityGroupConfig g = new SecurityGroupConfig(id, name, "d", "vpc-1", "123456789012", List.of(), List.of(), Map.of());
        return new ObservedItem("arn:aws:ec2:eu-west-1:123456789012:security-group/" + id, name, "eu-west-1", CanonicalJson.of(g));
    }

    @Test
    void findsLiveItemsOfATypeByNameOrResourceIdWithTheirLatestConfiguration() {
        DSLContext dsl = TestDatabase.fresh().dsl();
        Account prod = new JooqAccountStore(dsl).add(new AccountSpec(Provider.AWS, "prod", "123456789012",
                AccountAccess.NONE, List.of("eu-west-1"), Map.of(), false));
        JooqSnapshotStore store = new JooqSnapshotStore(dsl);
        WatchScope scope = new WatchScope(prod, "eu-west-1", ResourceType.of("aws.ec2.security-group"));
        long run = new JooqWatchRunStore(dsl).startRun("test", "tester");
        store.applyScope(new ScopeSnapshot(scope, run, List.of(group("sg-1", "web"), group("sg-2", "db"), group("sg-3", "gone")), Set.of(),
                EphemeralPaths.of(SecurityGroupConfig.class)::strip));
        // "gone" is deleted by the next watch
        store.applyScope(new ScopeSnapshot(scope, run, List.of(group("sg-1", "web"), group("sg-2", "db")), Set.of(),
                EphemeralPaths.of(SecurityGroupConfig.class)::strip));

        JooqLiveConfigDirectory directory = new JooqLiveConfigDirectory(dsl);
        List<LiveItem> found = directory.find("aws.ec2.security-group",
                List.of("web", "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-2", "gone", "'; drop table item; --"));

        assertThat(found).extracting(LiveItem::name).containsExactly("web", "db");
        LiveItem web = found.getFirst();
        assertThat(web.itemId()).isPositive();
        assertThat(web.accountName()).isEqualTo("prod");
        assertThat(web.accountId()).isEqualTo("123456789012");
        assertThat(web.region()).isEqualTo("eu-west-1");
        assertThat(web.config().path("groupId").asString()).isEqualTo("sg-1");
        assertThat(web.observedAt()).isNotNull();
        assertThat(directory.find("aws.s3.bucket", List.of("web"))).isEmpty();
        assertThat(directory.find("aws.ec2.security-group", List.of())).isEmpty();
        assertThatThrownBy(() -> directory.find("not a type!", List.of("web"))).isInstanceOf(InvalidInputException.class);
    }
}
