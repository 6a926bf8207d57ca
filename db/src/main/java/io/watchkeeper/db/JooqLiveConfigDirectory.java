package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.ACCOUNT;
import static io.watchkeeper.db.jooq.Tables.ITEM;
import static io.watchkeeper.db.jooq.Tables.ITEM_REVISION;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.trueCondition;

import io.watchkeeper.core.inventory.LiveConfigDirectory;
import io.watchkeeper.core.inventory.LiveItem;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.db.jooq.tables.ItemRevision;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;

/** The latest revision of live items by type and name or resource id. */
public final class JooqLiveConfigDirectory implements LiveConfigDirectory {

    private static final ItemRevision LATEST = ITEM_REVISION.as("latest_rev");
    private static final Field<JSONB> LATEST_CONFIG = field(name("latest", "latest_config"), JSONB.class);
    private static final Field<OffsetDateTime> LATEST_OBSERVED = field(name("latest", "latest_observed"), OffsetDateTime.class);

    private final DSLContext dsl;

    public JooqLiveConfigDirectory(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public List<LiveItem> find(String type, Collection<String> namesOrIds) {
        ResourceType.of(type); // validates
        Set<String> wanted = new TreeSet<>();
        for (String n : namesOrIds) {
            if (n != null && !n.isBlank() && n.length() <= 2048 && wanted.size() < MAX_NAMES) {
                wanted.add(n);
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        Table<?> latest = lateral(select(LATEST.CONFIG.as(LATEST_CONFIG.getName()), LATEST.OBSERVED_AT.as(LATEST_OBSERVED.getName()))
                .from(LATEST)
                .where(LATEST.ITEM_ID.eq(ITEM.ID))
                .orderBy(LATEST.REVISION_NO.desc())
                .limit(1)).as("latest");
        List<LiveItem> out = new ArrayList<>();
        for (Record r : dsl.select(ITEM.ID, ITEM.REGION, ITEM.RESOURCE_ID, ITEM.NAME, ACCOUNT.NAME, ACCOUNT.EXTERNAL_ID,
                        latest.field(LATEST_CONFIG), latest.field(LATEST_OBSERVED))
                .from(ITEM)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(ITEM.ACCOUNT_ID))
                .join(latest).on(trueCondition())
                .where(ITEM.RESOURCE_TYPE.eq(type))
                .and(ITEM.DELETED.isFalse())
                .and(ITEM.NAME.in(wanted).or(ITEM.RESOURCE_ID.in(wanted)))
                .orderBy(ITEM.ID)
                .fetch()) {
            JSONB config = r.get(LATEST_CONFIG);
            if (config == null) {
                continue;
            }
            OffsetDateTime observed = r.get(LATEST_OBSERVED);
            out.add(new LiveItem(r.get(ITEM.ID), type, r.get(ACCOUNT.NAME), r.get(ACCOUNT.EXTERNAL_ID), r.get(ITEM.REGION),
                    r.get(ITEM.RESOURCE_ID), r.get(ITEM.NAME), Json.parse(config.data()), observed == null ? null : observed.toInstant()));
        }
        return out;
    }
}
