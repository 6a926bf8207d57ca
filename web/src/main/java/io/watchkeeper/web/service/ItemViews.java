package io.watchkeeper.web.service;

import io.watchkeeper.core.item.ItemFilter;
import io.watchkeeper.core.item.ItemReader;
import io.watchkeeper.core.item.ItemSummary;
import io.watchkeeper.core.item.Revision;
import io.watchkeeper.core.json.JsonPatch;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.security.Caller;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/** One item as the item page shows it, limited to the caller's accounts. */
@Service
public class ItemViews {

    private final ItemReader items;

    public ItemViews(ItemReader items) {
        this.items = items;
    }

    /** An item and its current configuration (null when deleted). */
    public record ItemDetail(ItemSummary item, JsonNode config) {}

    /**
     * Two revisions and the patch from one to the other.
     *
     * @param from older revision number
     * @param to newer revision number
     * @param patch RFC 6902 operations turning {@code from}'s config into {@code to}'s
     */
    public record Comparison(int from, int to, JsonNode fromConfig, JsonNode toConfig, JsonNode patch) {}

    public ItemDetail detail(long id, Caller caller) {
        // one read for the item and its configuration; the scope check runs before anything is returned
        ItemReader.Current current = items.findWithConfig(id).orElseThrow(Caller.NotVisibleException::new);
        requireVisible(current.item(), caller);
        return new ItemDetail(current.item(), current.config());
    }

    /** The item page in one read (item, configuration, timeline, findings), after the scope check. */
    public ItemReader.Page page(long id, Caller caller) {
        ItemReader.Page page = items.page(id).orElseThrow(Caller.NotVisibleException::new);
        requireVisible(page.item(), caller);
        return page;
    }

    /** The item page's timeline: newest first, without documents. */
    public List<io.watchkeeper.core.item.RevisionEntry> timeline(long id, Caller caller) {
        visible(id, caller);
        return items.timeline(id);
    }

    /** Every revision, oldest first: one read, the scope check before anything is returned. */
    public List<Revision> revisions(long id, Caller caller) {
        ItemReader.OwnedHistory history = items.ownedHistory(id).orElseThrow(Caller.NotVisibleException::new);
        caller.requireAccount(history.accountId());
        return history.revisions();
    }

    public Comparison compare(long id, int from, int to, Caller caller) {
        List<Revision> history = revisions(id, caller);
        Revision a = find(history, from);
        Revision b = find(history, to);
        JsonNode left = a.config() == null ? NullNode.getInstance() : a.config();
        JsonNode right = b.config() == null ? NullNode.getInstance() : b.config();
        return new Comparison(from, to, left, right, JsonPatch.diff(left, right));
    }

    private static Revision find(List<Revision> history, int number) {
        return history.stream().filter(r -> r.number() == number).findFirst()
                .orElseThrow(() -> new InvalidInputException("no revision " + number));
    }

    /** The item, when the caller may see it (404 otherwise). */
    public ItemSummary visible(long id, Caller caller) {
        ItemSummary item = items.find(id).orElseThrow(Caller.NotVisibleException::new);
        requireVisible(item, caller);
        return item;
    }

    private void requireVisible(ItemSummary item, Caller caller) {
        caller.requireAccount(item.accountId()); // the item carries its account's id: no lookup
    }

    /** A filter limited to the caller's accounts. */
    public static ItemFilter scoped(ItemFilter f, Caller caller) {
        return new ItemFilter(f.account(), f.type(), f.region(), f.nameContains(), f.includeDeleted(), f.afterId(),
                f.limit(), f.tagKey(), f.tagValue(), f.scope().intersect(caller.scope()));
    }
}
