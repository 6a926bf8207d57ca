package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.ITEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.item.ItemFilter;
import io.watchkeeper.core.item.ItemReader;
import io.watchkeeper.core.item.ItemSummary;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
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
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads rendered once ({@link RenderedQuery}) answer exactly what the built queries answer. */
class RenderedQueryTest {

    record Config(String name, int size) {}

    private static DSLContext dsl;
    private static JooqItemReader items;
    private static Account account;

    @BeforeAll
    static void seed() {
        dsl = TestDatabase.fresh().dsl();
        items = new JooqItemReader(dsl);
        account = new JooqAccountStore(dsl).add(new AccountSpec(Provider.AWS, "prod", "123456789012",
                AccountAccess.NONE, List.of("eu-west-1"), Map.of(), false));
        WatchScope scope = new WatchScope(account, "eu-west-1", ResourceType.of("aws.s3.bucket"));
        JooqSnapshotStore store = new JooqSnapshotStore(dsl);
        JooqWatchRunStore runs = new JooqWatchRunStore(dsl);
        store.applyScope(new ScopeSnapshot(scope, runs.startRun("test", "tester"),
                List.of(item("a", 1), item("b", 1)), Set.of(), c -> c));
        store.applyScope(new ScopeSnapshot(scope, runs.startRun("test", "tester"),
                List.of(item("a", 2), item("b", 1)), Set.of(), c -> c));
    }

    private static ObservedItem item(String name, int size) {
        return new ObservedItem("arn:aws:s3:::" + name, name, "eu-west-1", CanonicalJson.of(new Config(name, size)));
    }

    private static ItemSummary listed(String name) {
        return items.list(new ItemFilter(null, null, null, name, false, null, 50)).stream()
                .filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theItemPageReadsMatchTheFilteredList() {
        ItemSummary a = listed("a");
        assertThat(items.find(a.id())).contains(a);
        ItemReader.Current current = items.findWithConfig(a.id()).orElseThrow();
        assertThat(current.item()).isEqualTo(a);
        assertThat(current.config().get("size").asInt()).isEqualTo(2);
        assertThat(a.revisions()).isEqualTo(2);
        var timeline = items.timeline(a.id());
        assertThat(timeline).hasSize(2);
        assertThat(timeline.getFirst().number()).isEqualTo(2);
        assertThat(timeline.getFirst().operations()).isPositive();
        assertThat(timeline.getLast().number()).isEqualTo(1);
        assertThat(timeline.getFirst().observedAt()).isEqualTo(a.lastChanged());
        ItemReader.Page page = items.page(a.id()).orElseThrow();
        assertThat(page.item()).isEqualTo(a);
        assertThat(page.config()).isEqualTo(current.config());
        assertThat(page.timeline()).as("the page's one read nests the same timeline").isEqualTo(timeline);
        assertThat(page.findings()).isEmpty();
        assertThat(items.page(Long.MAX_VALUE)).isEmpty();
        assertThat(items.find(Long.MAX_VALUE)).isEmpty();
        assertThat(items.findWithConfig(Long.MAX_VALUE)).isEmpty();
        assertThat(items.timeline(Long.MAX_VALUE)).isEmpty();
        ItemReader.OwnedHistory owned = items.ownedHistory(a.id()).orElseThrow();
        assertThat(owned.accountId()).isEqualTo(account.id());
        assertThat(owned.revisions()).as("the one read answers what history answers").isEqualTo(items.history(a.id()));
        assertThat(owned.revisions()).extracting(io.watchkeeper.core.item.Revision::number).containsExactly(1, 2);
        assertThat(items.ownedHistory(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void eachFilterCombinationIsRenderedOnceAndBindsItsOwnValues() {
        long a = listed("a").id();
        long b = listed("b").id();
        ItemFilter tagless = new ItemFilter(null, null, null, null, false, null, 50, "team", null, null);
        assertThat(page(tagless)).as("no item has the tag").isEmpty();
        // the same combination again with other values: the rendered query must bind the new ones
        assertThat(page(new ItemFilter("prod", null, null, null, false, null, 50))).containsExactly(a, b);
        assertThat(page(new ItemFilter("nobody", null, null, null, false, null, 50))).isEmpty();
        assertThat(page(new ItemFilter(null, null, null, ":::a", false, null, 50))).containsExactly(a);
        assertThat(page(new ItemFilter(null, null, null, ":::B", false, null, 50))).as("case-insensitive").containsExactly(b);
        assertThat(page(new ItemFilter(null, null, null, "a\n", false, null, 50))).as("a line break never matches").isEmpty();
        assertThat(page(new ItemFilter(null, null, null, "s3%", false, null, 50))).as("% is a literal").isEmpty();
        assertThat(page(new ItemFilter(null, "aws", null, null, false, null, 50))).containsExactly(a, b);
        assertThat(page(new ItemFilter(null, "gcp", null, null, false, null, 50))).isEmpty();
        assertThat(page(new ItemFilter(null, "aws.s3.bucket", null, null, false, null, 1))).containsExactly(a);
        assertThat(page(new ItemFilter(null, "aws.s3.bucket", null, null, false, null, 2))).containsExactly(a, b);
        assertThat(page(new ItemFilter(null, null, null, null, false, null, 50, null, null,
                io.watchkeeper.core.access.AccountScope.of(Set.of(account.id() + 1, account.id() + 2))))).isEmpty();
        assertThat(page(new ItemFilter(null, null, null, null, false, null, 50, null, null,
                io.watchkeeper.core.access.AccountScope.of(Set.of(account.id() + 1, account.id()))))).containsExactly(a, b);
    }

    @Test
    void theListTakesThePagesIdsFirstWithEveryFilterAndKeepsIdOrder() {
        long a = listed("a").id();
        long b = listed("b").id();
        assertThat(page(new ItemFilter(null, null, null, null, false, null, 1))).containsExactly(a);
        assertThat(page(new ItemFilter(null, null, null, null, false, a, 1))).containsExactly(b);
        assertThat(page(new ItemFilter("prod", "aws", "eu-west-1", "arn:aws:s3", false, null, 50))).containsExactly(a, b);
        assertThat(page(new ItemFilter("other", null, null, null, false, null, 50))).isEmpty();
        assertThat(page(new ItemFilter(null, "aws.s3.bucket", "us-east-1", null, false, null, 50))).isEmpty();
        assertThat(page(new ItemFilter(null, null, null, null, false, null, 50, null, null,
                io.watchkeeper.core.access.AccountScope.of(Set.of(account.id() + 1))))).isEmpty();
        assertThat(page(new ItemFilter(null, null, null, null, false, null, 50, null, null,
                io.watchkeeper.core.access.AccountScope.of(Set.of(account.id()))))).containsExactly(a, b);
        ItemSummary listedA = items.list(new ItemFilter(null, null, null, "a", false, null, 50)).getFirst();
        assertThat(listedA.revisions()).as("the latest revision joined for the page's rows").isEqualTo(2);
        assertThat(listedA.account()).isEqualTo("prod");
    }

    private static List<Long> page(ItemFilter filter) {
        return items.list(filter).stream().map(ItemSummary::id).toList();
    }

    @Test
    void aTemplateThatBindsAnythingButItsNamedParametersIsRefused() {
        assertThatThrownBy(() -> RenderedQuery.of(dsl, dsl.select(ITEM.ID).from(ITEM)
                .where(ITEM.ID.eq(DSL.param("id", 0L))).limit(5), "id"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inline its constants");
        assertThatThrownBy(() -> RenderedQuery.of(dsl, dsl.select(ITEM.ID).from(ITEM)
                .where(ITEM.ID.eq(DSL.param("id", 0L))).and(ITEM.NAME.eq(DSL.param("name", ""))), "name", "id"))
                .as("parameters out of order").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RenderedQuery.of(dsl, dsl.select(ITEM.NAME, io.watchkeeper.db.jooq.Tables.ACCOUNT.NAME)
                .from(ITEM).join(io.watchkeeper.db.jooq.Tables.ACCOUNT)
                .on(io.watchkeeper.db.jooq.Tables.ACCOUNT.ID.eq(ITEM.ACCOUNT_ID))
                .where(ITEM.ID.eq(DSL.param("id", 0L))), "id"))
                .as("item.name and account.name would be read as one").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("labelled 'name'");
        RenderedQuery query = RenderedQuery.of(dsl, dsl.select(ITEM.NAME).from(ITEM)
                .where(ITEM.ID.eq(DSL.param("id", 0L))).limit(DSL.inline(1)), "id");
        assertThat(query.sql()).contains("?").doesNotContain("= 0");
        long id = listed("b").id();
        assertThat(query.fetch(dsl, r -> r.get(ITEM.NAME), id)).containsExactly("b");
        assertThatThrownBy(() -> query.fetch(dsl, r -> r.get(ITEM.NAME))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> query.fetch(dsl, r -> r.get(ITEM.NAME), (Object) null))
                .isInstanceOf(NullPointerException.class);
    }
}
