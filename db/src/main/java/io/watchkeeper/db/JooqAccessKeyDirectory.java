package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.ACCOUNT;
import static io.watchkeeper.db.jooq.Tables.ITEM;
import static io.watchkeeper.db.jooq.Tables.ITEM_REVISION;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.val;

import io.watchkeeper.core.inventory.AccessKeyDirectory;
import io.watchkeeper.core.inventory.AccessKeyOwner;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.db.jooq.tables.ItemRevision;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import tools.jackson.databind.JsonNode;

/**
 * Access keys of the watched IAM users, from the latest revision of each live {@code aws.iam.user}
 * item (its {@code accessKeys[*].accessKeyId}, named by the watcher from ListAccessKeys).
 */
public final class JooqAccessKeyDirectory implements AccessKeyDirectory {

    private static final Pattern KEY_ID = Pattern.compile("A[A-Z0-9]{3}[A-Z0-9]{16}");
    private static final int MAX_IDS = 1000;
    private static final ItemRevision LATEST = ITEM_REVISION.as("latest_rev");
    private static final Field<JSONB> LATEST_CONFIG = field(name("latest", "latest_config"), JSONB.class);
    private static final Field<OffsetDateTime> LATEST_OBSERVED = field(name("latest", "latest_observed"), OffsetDateTime.class);

    private final DSLContext dsl;

    public JooqAccessKeyDirectory(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public Map<String, AccessKeyOwner> owners(Collection<String> accessKeyIds) {
        Set<String> ids = new TreeSet<>();
        for (String id : accessKeyIds) {
            if (id != null && KEY_ID.matcher(id).matches()) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, AccessKeyOwner> out = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += MAX_IDS) {
            lookUp(all.subList(from, Math.min(all.size(), from + MAX_IDS)), out);
        }
        return out;
    }

    private void lookUp(List<String> ids, Map<String, AccessKeyOwner> out) {
        Table<?> latest = lateral(select(LATEST.CONFIG.as(LATEST_CONFIG.getName()), LATEST.OBSERVED_AT.as(LATEST_OBSERVED.getName()))
                .from(LATEST)
                .where(LATEST.ITEM_ID.eq(ITEM.ID))
                .orderBy(LATEST.REVISION_NO.desc())
                .limit(1)).as("latest");
        String[] wanted = ids.toArray(String[]::new);
        for (Record r : dsl.select(ITEM.ID, ACCOUNT.NAME, ACCOUNT.EXTERNAL_ID, latest.field(LATEST_CONFIG), latest.field(LATEST_OBSERVED))
                .from(ITEM)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(ITEM.ACCOUNT_ID))
                .join(latest).on(trueCondition())
                .where(ITEM.RESOURCE_TYPE.eq("aws.iam.user"))
                .and(ITEM.DELETED.isFalse())
                .and(ACCOUNT.PROVIDER.eq("aws"))
                .and(condition("exists (select 1 from jsonb_array_elements(coalesce({0} -> 'accessKeys', '[]'::jsonb)) k "
                        + "where k ->> 'accessKeyId' = any({1}))", LATEST_CONFIG, val(wanted)))
                .fetch()) {
            JSONB config = r.get(LATEST_CONFIG);
            if (config == null) {
                continue;
            }
            JsonNode user = Json.parse(config.data());
            OffsetDateTime observed = r.get(LATEST_OBSERVED);
            for (JsonNode key : user.path("accessKeys")) {
                String id = key.path("accessKeyId").asString(null);
                if (id == null || !ids.contains(id)) {
                    continue;
                }
                out.put(id, new AccessKeyOwner(id, r.get(ITEM.ID), r.get(ACCOUNT.NAME), r.get(ACCOUNT.EXTERNAL_ID),
                        user.path("userName").asString(""), user.path("arn").asString(""), key.path("active").asBoolean(false),
                        instant(key.path("lastUsedDate")), strings(user.path("attachedPolicyArns"), null),
                        strings(user.path("inlinePolicies"), "name"), strings(user.path("groups"), null),
                        observed == null ? null : observed.toInstant()));
            }
        }
    }

    private static Instant instant(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        try {
            return Instant.parse(n.asString());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<String> strings(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            String s = field == null ? n.asString(null) : n.path(field).asString(null);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
