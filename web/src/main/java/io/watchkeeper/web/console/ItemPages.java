package io.watchkeeper.web.console;

import io.watchkeeper.core.item.ItemFilter;
import io.watchkeeper.core.item.ItemReader;
import io.watchkeeper.core.item.ItemSummary;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.ItemViews;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Item search, the item page (config, timeline, findings) and the side-by-side diff of two revisions. */
@Controller
@PreAuthorize("hasRole('VIEWER')")
public class ItemPages {

    static final int PAGE = 50;

    private final ItemReader items;
    private final ItemViews views;
    public ItemPages(ItemReader items, ItemViews views) {
        this.items = items;
        this.views = views;
    }

    @GetMapping("/items")
    String list(@RequestParam(required = false) String account, @RequestParam(required = false) String type,
                @RequestParam(required = false) String region, @RequestParam(required = false) String q,
                @RequestParam(required = false) String tag, @RequestParam(defaultValue = "false") boolean deleted,
                @RequestParam(required = false) String provider, @RequestParam(required = false) Long after, Model model) {
        Caller caller = Callers.current();
        String[] tagParts = tag == null || tag.isBlank() ? new String[0] : tag.split("=", 2);
        List<ItemSummary> page = items.list(new ItemFilter(blank(account), typeOrProvider(type, provider), blank(region),
                blank(q), deleted,
                after, PAGE, tagParts.length > 0 ? tagParts[0] : null, tagParts.length > 1 ? tagParts[1] : null,
                caller.scope()));
        model.addAttribute("items", page);
        model.addAttribute("next", page.size() == PAGE ? page.getLast().id() : null);
        model.addAttribute("f", new Filters(account, type, region, q, tag, deleted, blank(provider)));
        model.addAttribute("providers", PROVIDERS);
        return "items";
    }

    /** The providers the filter offers (their resource types start with the name and a dot). */
    static final List<String> PROVIDERS = java.util.Arrays.stream(io.watchkeeper.core.model.Provider.values())
            .map(p -> p.name().toLowerCase(java.util.Locale.ROOT)).toList();

    /** The type filter: the type when given, else a provider's name (all its types); an unknown provider is refused. */
    static String typeOrProvider(String type, String provider) {
        if (blank(type) != null || blank(provider) == null) {
            return blank(type);
        }
        String p = provider.strip().toLowerCase(java.util.Locale.ROOT);
        if (!PROVIDERS.contains(p)) {
            throw new io.watchkeeper.core.model.InvalidInputException("unknown provider (" + String.join(", ", PROVIDERS) + ")");
        }
        return p;
    }

    /** The filter form's values. */
    public record Filters(String account, String type, String region, String q, String tag, boolean deleted,
                          String provider) {}

    @GetMapping("/items/{id}")
    String item(@PathVariable long id, Model model) {
        Caller caller = Callers.current();
        // one round trip for the whole page: under load every further read waits for a CPU again
        ItemReader.Page page = views.page(id, caller);
        model.addAttribute("item", page.item());
        model.addAttribute("config", page.config() == null ? null : Json.pretty(page.config()));
        model.addAttribute("revisions", page.timeline());
        model.addAttribute("findings", page.findings());
        return "item";
    }

    @GetMapping("/items/{id}/diff")
    String diff(@PathVariable long id, @RequestParam int from, @RequestParam int to, Model model) {
        Caller caller = Callers.current();
        ItemViews.Comparison comparison = views.compare(id, from, to, caller);
        model.addAttribute("item", views.visible(id, caller));
        model.addAttribute("cmp", comparison);
        model.addAttribute("rows", LineDiff.rows(Json.pretty(comparison.fromConfig()), Json.pretty(comparison.toConfig())));
        model.addAttribute("patch", Json.pretty(comparison.patch()));
        return "diff";
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
