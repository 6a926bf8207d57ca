package io.watchkeeper.iamtuner.evidence;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * CloudTrail {@code eventSource} + {@code eventName} → the IAM actions that authorised the call.
 * Order: the catalogue's operation mapping (AWS service reference, after a refresh), then the known
 * irregular cases of {@code cloudtrail-mapping.json} ({@code s3:ListObjects} → {@code s3:ListBucket},
 * Lambda's dated event names, {@code monitoring} → {@code cloudwatch}, …), then the event name itself.
 * Also knows which actions CloudTrail logs only as data events. Results are cached per distinct event
 * (bounded), so mapping costs nothing per event.
 */
public final class CloudTrailMapping {

    /** How an event maps: a service and its actions; empty actions = unmapped; {@code ignored} = not an IAM action. */
    public record Mapped(String service, int[] actions, boolean ignored) {
        public boolean mapped() {
            return actions.length > 0;
        }
    }

    private static final Mapped IGNORED = new Mapped("", new int[0], true);
    private static final int MAX_CACHED = 100_000;

    private final ActionCatalog catalog;
    private final Map<String, String> sources;
    private final Set<String> notActions;
    private final Map<String, Pattern> suffixes;
    private final Map<String, List<String>> names;
    private final Map<String, BitSet> dataEvents;
    private final BitSet allData;
    private final ConcurrentHashMap<String, Mapped> cache = new ConcurrentHashMap<>();

    private CloudTrailMapping(ActionCatalog catalog, JsonNode config) {
        this.catalog = catalog;
        Map<String, String> s = new HashMap<>();
        config.path("eventSources").properties().forEach(e -> s.put(e.getKey(), e.getValue().asString()));
        this.sources = Map.copyOf(s);
        List<String> not = new ArrayList<>();
        config.path("notActions").forEach(n -> not.add(n.asString()));
        this.notActions = Set.copyOf(not);
        Map<String, Pattern> suf = new HashMap<>();
        config.path("eventNameSuffixes").properties().forEach(e -> suf.put(e.getKey(), Pattern.compile(e.getValue().asString())));
        this.suffixes = Map.copyOf(suf);
        Map<String, List<String>> n = new HashMap<>();
        config.path("eventNames").properties().forEach(e -> {
            List<String> targets = new ArrayList<>();
            e.getValue().forEach(t -> targets.add(t.asString()));
            n.put(e.getKey().toLowerCase(Locale.ROOT), List.copyOf(targets));
        });
        this.names = Map.copyOf(n);
        Map<String, BitSet> data = new HashMap<>();
        BitSet all = new BitSet();
        config.path("dataEvents").properties().forEach(e -> {
            BitSet set = new BitSet();
            e.getValue().forEach(p -> set.or(catalog.expand(p.asString())));
            data.put(e.getKey(), set);
            all.or(set);
        });
        this.dataEvents = Map.copyOf(data);
        this.allData = all;
    }

    /** The bundled mapping over {@code catalog}. */
    public static CloudTrailMapping load(ActionCatalog catalog) {
        try (InputStream in = CloudTrailMapping.class.getResourceAsStream("cloudtrail-mapping.json")) {
            return new CloudTrailMapping(catalog, Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ActionCatalog catalog() {
        return catalog;
    }

    /** The raw table (for its test): event name overrides. */
    Map<String, List<String>> eventNameOverrides() {
        return names;
    }

    Map<String, BitSet> dataEventTable() {
        return dataEvents;
    }

    /** The service prefix of an event source, or null when the catalogue has no such service. */
    public String service(String eventSource) {
        String service = sources.get(eventSource);
        if (service == null) {
            service = eventSource.endsWith(".amazonaws.com")
                    ? eventSource.substring(0, eventSource.length() - ".amazonaws.com".length()) : eventSource;
        }
        return catalog.hasService(service) ? service.toLowerCase(Locale.ROOT) : null;
    }

    /** The actions one event used. */
    public Mapped map(String eventSource, String eventName) {
        String key = eventSource + '\n' + eventName;
        Mapped m = cache.get(key);
        if (m == null) {
            m = compute(eventSource, eventName);
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, m);
        }
        return m;
    }

    private Mapped compute(String eventSource, String eventName) {
        if (notActions.contains(eventSource)) {
            return IGNORED;
        }
        String service = service(eventSource);
        if (service == null) {
            return new Mapped(eventSource, new int[0], false);
        }
        String name = eventName;
        Pattern suffix = suffixes.get(service);
        if (suffix != null) {
            name = suffix.matcher(name).replaceFirst("");
        }
        List<String> targets = catalog.operation(service, name);
        if (targets.isEmpty()) {
            targets = names.getOrDefault((service + ":" + name).toLowerCase(Locale.ROOT), List.of(service + ":" + name));
        }
        BitSet ids = new BitSet();
        for (String t : targets) {
            OptionalInt id = catalog.find(t);
            if (id.isPresent()) {
                ids.set(id.getAsInt());
            }
        }
        return new Mapped(service, ids.stream().toArray(), false);
    }

    /** Whether CloudTrail logs the action only as a data event. */
    public boolean isDataEvent(int action) {
        return allData.get(action);
    }

    /** The data event types, each with its actions. */
    public Set<String> dataEventTypes() {
        return dataEvents.keySet();
    }

    /** Actions logged as data events of {@code type} ({@code AWS::S3::Object}). */
    public BitSet dataActions(String type) {
        BitSet set = dataEvents.get(type);
        return set == null ? new BitSet() : (BitSet) set.clone();
    }
}
