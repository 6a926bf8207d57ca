package io.watchkeeper.watchers.gcp;

import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Follows {@code nextPageToken} of a REST list to its end; a repeated token or 10,000 pages is a broken answer. */
public final class Pages {

    static final int MAX_PAGES = 10_000;

    private Pages() {}

    /** One page: its items (null: none) and the next token (null or empty: last page). */
    public record Page<T>(List<T> items, String next) {}

    /**
     * Every item of a Cloud Client Library list, page by page. Unlike {@code iterateAll()}, a server
     * that hands back a page token it already gave (or more than {@value #MAX_PAGES} pages) fails the
     * listing instead of looping for ever.
     */
    public static <T> List<T> all(com.google.api.gax.paging.Page<T> first) {
        List<T> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        com.google.api.gax.paging.Page<T> page = first;
        for (int pages = 0; page != null; pages++) {
            page.getValues().forEach(out::add);
            if (!page.hasNextPage()) {
                return out;
            }
            if (!seen.add(page.getNextPageToken()) || pages >= MAX_PAGES) {
                throw new WatchkeeperException(ErrorCategory.INVALID_RESPONSE,
                        "the list answered page token " + page.getNextPageToken() + " twice (or too many pages)");
            }
            page = page.getNextPage();
        }
        return out;
    }

    public static <T> List<T> all(Function<String, Page<T>> fetch) {
        List<T> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String token = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            Page<T> page = fetch.apply(token);
            if (page.items() != null) {
                out.addAll(page.items());
            }
            token = page.next();
            if (token == null || token.isEmpty()) {
                return out;
            }
            if (!seen.add(token)) {
                throw new WatchkeeperException(ErrorCategory.INVALID_RESPONSE, "the list answered page token " + token + " twice");
            }
        }
        throw new WatchkeeperException(ErrorCategory.INVALID_RESPONSE, "more than " + MAX_PAGES + " pages");
    }
}
