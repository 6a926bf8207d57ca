package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.ITEM_REVISION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.item.ItemFilter;
import io.watchkeeper.core.item.ItemSummary;
import io.watchkeeper.core.item.Revision;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.Ephemeral;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.watch.ObservedItem;
import io.watchkeeper.core.watch.ScopeCounts;
import io.watchkeeper.core.watch.ScopeSnapshot;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.db.testing.TestDatabase;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JooqSnapshotStoreTest {

    record Rule(int port, String cidr) {}

    record Group(String name, List<Rule> rules, @Ephemeral Integer attachments) {}

    private DSLContext dsl;
    private JooqSnapshotStore store;
    private JooqItemReader items;
    private WatchScope scope;
    private long runId;

    @BeforeEach
    void setUp() {
        dsl = TestDatabase.fresh().dsl();
        store = new JooqSnapshotStore(dsl);
        items = new JooqItemReader(dsl);
        Account account = new JooqAccountStore(dsl).add(new AccountSpec(Provider.AWS, "prod", "123456789012",
                AccountAccess.NONE, List.of("eu-west-1"), Map.of(), false));
        scope = new WatchScope(account, "eu-west-1", ResourceType.of("aws.ec2.security-group"));
        runId = new JooqWatchRunStore(dsl).startRun("test", "tester");
    }

    private ScopeCounts apply(Set<String> unreadable, Group... groups) {
        List<ObservedItem> observed = Arrays.stream(groups)
                .map(g -> new ObservedItem("sg-" + g.name(), g.name(), "eu-west-1", CanonicalJson.of(g)))
                .toList();
        return store.applyScope(new ScopeSnapshot(scope, runId, observed, unreadable,
                EphemeralPaths.of(Group.class)::strip)).counts();
    }

    private ScopeCounts apply(Group... groups) {
        return apply(Set.of(), groups);
    }

    private List<Revision> history(String name) {
        ItemSummary item = items.list(new ItemFilter(null, null, null, name, true, null, 10)).getFirst();
        return items.history(item.id());
    }

    private long revisionRows() {
        return dsl.fetchCount(ITEM_REVISION);
    }

    @Test
    void storesNewItemsThenWritesNothingWhenNothingChanged() {
        Group web = new Group("web", List.of(new Rule(443, "0.0.0.0/0")), 1);
        Group db = new Group("db", List.of(new Rule(5432, "10.0.0.0/8")), 2);
        assertThat(apply(web, db)).isEqualTo(new ScopeCounts(2, 0, 0, 0, 0));
        assertThat(apply(web, db)).isEqualTo(new ScopeCounts(0, 0, 0, 0, 2));
        assertThat(revisionRows()).isEqualTo(2);
        List<ItemSummary> listed = items.list(ItemFilter.all());
        assertThat(listed).extracting(ItemSummary::name).containsExactly("web", "db");
        assertThat(listed).extracting(ItemSummary::revisions).containsExactly(1, 1);
        assertThat(listed.getFirst().account()).isEqualTo("prod");
    }

    @Test
    void ephemeralOnlyChangesUpdateTheLatestRevisionInPlace() {
        apply(new Group("web", List.of(new Rule(443, "0.0.0.0/0")), 1));
        assertThat(apply(new Group("web", List.of(new Rule(443, "0.0.0.0/0")), 7)))
                .isEqualTo(new ScopeCounts(0, 0, 1, 0, 0));
        List<Revision> revisions = history("web");
        assertThat(revisions).hasSize(1);
        assertThat(revisions.getFirst().config().get("attachments").asInt()).isEqualTo(7);
        assertThat(revisions.getFirst().ephemeralUpdatedAt()).isNotNull();
    }

    @Test
    void durableChangesAddARevisionWithAnRfc6902Diff() {
        apply(new Group("web", List.of(new Rule(443, "0.0.0.0/0")), 1));
        assertThat(apply(new Group("web", List.of(new Rule(443, "0.0.0.0/0"), new Rule(22, "0.0.0.0/0")), 3)))
                .isEqualTo(new ScopeCounts(0, 1, 0, 0, 0));
        List<Revision> revisions = history("web");
        assertThat(revisions).extracting(Revision::kind).containsExactly("created", "changed");
        assertThat(revisions.get(1).diff().toString())
                .isEqualTo("[{\"op\":\"add\",\"path\":\"/rules/1\",\"value\":{\"cidr\":\"0.0.0.0/0\",\"port\":22}}]");
    }

    @Test
    void missingItemsGetADeletionRevisionAndComeBackAsRecreated() {
        Group web = new Group("web", List.of(), 0);
        Group db = new Group("db", List.of(), 0);
        apply(web, db);
        assertThat(apply(web)).isEqualTo(new ScopeCounts(0, 0, 0, 1, 1));
        assertThat(apply(web)).isEqualTo(new ScopeCounts(0, 0, 0, 0, 1));
        List<Revision> gone = history("db");
        assertThat(gone).extracting(Revision::kind).containsExactly("created", "deleted");
        assertThat(gone.get(1).config()).isNull();
        assertThat(items.list(new ItemFilter(null, null, null, null, false, null, 10)))
                .extracting(ItemSummary::name).containsExactly("web");

        Group dbAgain = new Group("db", List.of(new Rule(5432, "10.0.0.0/8")), 0);
        assertThat(apply(web, dbAgain)).isEqualTo(new ScopeCounts(1, 0, 0, 0, 1));
        List<Revision> back = history("db");
        assertThat(back).extracting(Revision::kind).containsExactly("created", "deleted", "recreated");
        assertThat(back.get(2).diff().toString()).contains("\"path\":\"/rules/0\"");
        assertThat(items.list(ItemFilter.all()).stream().filter(i -> i.name().equals("db")).findFirst().orElseThrow()
                .deleted()).isFalse();
    }

    @Test
    void unreadableItemsAreNeverMarkedDeleted() {
        apply(new Group("web", List.of(), 0), new Group("db", List.of(), 0));
        assertThat(apply(Set.of("sg-db"), new Group("web", List.of(), 0))).isEqualTo(new ScopeCounts(0, 0, 0, 0, 1));
        assertThat(history("db")).extracting(Revision::kind).containsExactly("created");
    }

    @Test
    void aFailingWriteLeavesNothingHalfWritten() {
        apply(new Group("web", List.of(), 0));
        long before = revisionRows();
        ObservedItem good = new ObservedItem("sg-new", "new", "eu-west-1", CanonicalJson.of(new Group("new", List.of(), 0)));
        ObservedItem changed = new ObservedItem("sg-web", "web", "eu-west-1",
                CanonicalJson.of(new Group("web", List.of(new Rule(1, "x")), 0)));
        ScopeSnapshot poisoned = new ScopeSnapshot(scope, runId, List.of(good, changed), Set.of(), tree -> {
            throw new IllegalStateException("boom");
        });
        assertThatThrownBy(() -> store.applyScope(poisoned)).hasMessage("boom");
        assertThat(revisionRows()).isEqualTo(before);
        assertThat(items.list(ItemFilter.all())).extracting(ItemSummary::name).containsExactly("web");
    }

    @Test
    void scopesDoNotSeeEachOthersItems() {
        apply(new Group("web", List.of(), 0));
        WatchScope other = new WatchScope(scope.account(), "us-east-1", scope.type());
        ScopeCounts counts = store.applyScope(new ScopeSnapshot(other, runId, List.of(), Set.of(),
                EphemeralPaths.of(Group.class)::strip)).counts();
        assertThat(counts).isEqualTo(ScopeCounts.ZERO);
        assertThat(history("web")).extracting(Revision::kind).containsExactly("created");
    }
}
