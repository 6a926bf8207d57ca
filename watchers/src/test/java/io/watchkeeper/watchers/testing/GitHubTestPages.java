package io.watchkeeper.watchers.testing;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.watchers.testing.GitHubTestRoutes.Body;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Paging as GitHub does it: {@code per_page} (capped) and {@code page}, a {@code Link} header with
 * next/last/first/prev absolute URLs (the organisation's repository listing pages under
 * {@code /organizations/{id}/repos}, as on github.com), pages wrapped in {@code {total_count, field}}
 * where GitHub wraps them.
 */
final class GitHubTestPages {

    private GitHubTestPages() {}

    static JsonNode page(String endpoint, int maxPerPage, String path, Map<String, String> query, Body.Items items, Map<String, String> headers) {
        int perPage = Math.max(1, Math.min(maxPerPage, parse(query.get("per_page"), 30)));
        int page = Math.max(1, parse(query.get("page"), 1));
        int last = Math.max(1, (items.items().size() + perPage - 1) / perPage);
        List<JsonNode> slice = items.items().subList(Math.min(items.items().size(), (page - 1) * perPage),
                Math.min(items.items().size(), page * perPage));
        if (last > 1) {
            String linkPath = path.matches("/orgs/[^/]+/repos") ? "/organizations/" + GitHubTestOrg.ID + "/repos" : path;
            List<String> links = new ArrayList<>();
            if (page < last) {
                links.add("<" + pageUrl(endpoint, linkPath, query, page + 1) + ">; rel=\"next\"");
                links.add("<" + pageUrl(endpoint, linkPath, query, last) + ">; rel=\"last\"");
            }
            if (page > 1) {
                links.add("<" + pageUrl(endpoint, linkPath, query, 1) + ">; rel=\"first\"");
                links.add("<" + pageUrl(endpoint, linkPath, query, page - 1) + ">; rel=\"prev\"");
            }
            if (!links.isEmpty()) {
                headers.put("Link", String.join(", ", links));
            }
        }
        ArrayNode array = Json.object().arrayNode();
        slice.forEach(array::add);
        if (items.field() == null) {
            return array;
        }
        ObjectNode wrapped = Json.object().put("total_count", items.items().size());
        wrapped.set(items.field(), array);
        return wrapped;
    }

    private static String pageUrl(String endpoint, String path, Map<String, String> query, int page) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("page", "" + page);
        StringBuilder url = new StringBuilder(endpoint).append(path).append('?');
        q.forEach((k, v) -> url.append(k).append('=').append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        return url.substring(0, url.length() - 1);
    }


    private static int parse(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
