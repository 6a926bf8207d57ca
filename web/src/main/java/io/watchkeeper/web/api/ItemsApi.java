package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.core.finding.FindingReader;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.item.ItemFilter;
import io.watchkeeper.core.item.ItemReader;
import io.watchkeeper.core.item.ItemSummary;
import io.watchkeeper.core.item.Revision;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.ItemViews;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Watched items, their revisions and diffs. */
@RestController
@RequestMapping("/api/v1/items")
@Tag(name = "items")
@PreAuthorize("hasRole('VIEWER')")
public class ItemsApi {

    private final ItemReader items;
    private final ItemViews views;
    private final FindingReader findings;

    public ItemsApi(ItemReader items, ItemViews views, FindingReader findings) {
        this.items = items;
        this.views = views;
        this.findings = findings;
    }

    @GetMapping
    @Operation(summary = "Search items", description = "Keyset pages in id order; filters combine with AND.")
    public ApiPage<ItemSummary> list(@RequestParam(required = false) String account,
                                     @RequestParam(required = false) String type,
                                     @RequestParam(required = false) String region,
                                     @RequestParam(required = false) String q,
                                     @RequestParam(required = false) String tag,
                                     @RequestParam(defaultValue = "false") boolean deleted,
                                     @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) String cursor) {
        int size = Cursors.limit(limit, 500);
        String[] tagParts = tag == null ? new String[0] : tag.split("=", 2);
        List<ItemSummary> page = items.list(new ItemFilter(blank(account), blank(type), blank(region), blank(q), deleted,
                Cursors.id(cursor), size, tagParts.length > 0 ? tagParts[0] : null,
                tagParts.length > 1 ? tagParts[1] : null, Callers.current().scope()));
        return new ApiPage<>(page, page.size() == size ? Long.toString(page.getLast().id()) : null);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One item with its current configuration")
    public ItemViews.ItemDetail get(@PathVariable long id) {
        return views.detail(id, Callers.current());
    }

    @GetMapping("/{id}/revisions")
    @Operation(summary = "Every revision of an item, oldest first, with RFC 6902 diffs")
    public List<Revision> revisions(@PathVariable long id) {
        return views.revisions(id, Callers.current());
    }

    @GetMapping("/{id}/diff")
    @Operation(summary = "RFC 6902 patch between any two revisions")
    public ItemViews.Comparison diff(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
        return views.compare(id, from, to, Callers.current());
    }

    @GetMapping("/{id}/findings")
    @Operation(summary = "Findings of an item, any status")
    public List<FindingView> findings(@PathVariable long id) {
        views.visible(id, Callers.current()); // visibility check
        return findings.forItem(id);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
