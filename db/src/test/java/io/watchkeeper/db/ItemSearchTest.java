package io.watchkeeper.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.item.ItemFilter;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Name and resource-id substring search ({@code items?q=}) on the stored search key. */
class ItemSearchTest {

    record Config(String name) {}

    private static JooqItemReader items;
    private static DSLContext dsl;

    @BeforeAll
    static void seed() {
        dsl = TestDatabase.fresh().dsl();
        items = new JooqItemReader(dsl);
        Account account = new JooqAccountStore(dsl).add(new AccountSpec(Provider.AWS, "prod", "123456789012",
                AccountAccess.NONE, List.of("eu-west-1"), Map.of(), false));
        WatchScope scope = new WatchScope(account, "eu-west-1", ResourceType.of("aws.s3.bucket"));
        long run = new JooqWatchRunStore(dsl).startRun("test", "tester");
        List<ObservedItem> observed = List.of(
                item("arn:aws:s3:::Billing-Exports", "Billing-Exports"),
                item("arn:aws:s3:::logs", "central-LOGS"),
                item("arn:aws:s3:::percent", "100%_done"),
                item("arn:aws:s3:::plain", "100x-done"),
                item("arn:aws:s3:::straße", "Straße-Daten"));
        new JooqSnapshotStore(dsl).applyScope(new ScopeSnapshot(scope, run, observed, Set.of(), c -> c));
    }

    private static ObservedItem item(String arn, String name) {
        return new ObservedItem(arn, name, "eu-west-1", CanonicalJson.of(new Config(name)));
    }

    private static List<String> search(String q) {
        return items.list(new ItemFilter(null, null, null, q, false, null, 50)).stream().map(ItemSummary::name).toList();
    }

    @Test
    void matchesNameOrResourceIdIgnoringCase() {
        assertThat(search("billing")).containsExactly("Billing-Exports");
        assertThat(search("BILLING-exp")).containsExactly("Billing-Exports");
        assertThat(search("s3:::logs")).as("the resource id").containsExactly("central-LOGS");
        assertThat(search("central-logs")).containsExactly("central-LOGS");
        assertThat(search("straße")).containsExactly("Straße-Daten");
        assertThat(search("nothing-like-this")).isEmpty();
    }

    @Test
    void wildcardsInTheNeedleAreLiteralAndMatchesNeverSpanNameAndId() {
        assertThat(search("100%_")).containsExactly("100%_done");
        assertThat(search("_")).containsExactly("100%_done");
        // "exports" ends the name and "arn" starts the id: no match across the two
        assertThat(search("exportsarn")).isEmpty();
        assertThat(search("exports\narn")).isEmpty();
    }

    @Test
    void theSearchKeyIsStoredAndIndexed() {
        assertThat(dsl.fetchValue("SELECT count(*) FROM pg_indexes WHERE indexname = 'item_search_key_trgm_idx'"))
                .isEqualTo(1L);
        assertThat(dsl.fetchValue("SELECT search_key FROM item WHERE name = 'central-LOGS'"))
                .isEqualTo("central-logs\narn:aws:s3:::logs");
    }
}
