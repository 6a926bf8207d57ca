package io.watchkeeper.iamtuner.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The catalogue's text format: one line per service and per action, tab-separated, small enough to
 * commit and to diff.
 *
 * <pre>
 * #watchkeeper-iam-catalog 1
 * #source ...            (free text: where it came from, licence, when)
 * S  prefix  service name
 * A  Name  levels  last-accessed  resource,types  dependent:Actions
 * O  Operation  service:Action,service:Action      (API operation → actions, from the service reference)
 * </pre>
 * Levels are letters of {@link AccessLevel#code()}, last-accessed one of {@code Y N ?}. Action and
 * operation lines belong to the service above them. Everything read is validated: a refreshed file
 * comes from the network.
 */
public final class CatalogFile {

    public static final String MAGIC = "#watchkeeper-iam-catalog 1";
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern QUALIFIED = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}:[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int MAX_LINES = 500_000;

    private CatalogFile() {}

    /** One action line. */
    public record Action(String name, Set<AccessLevel> levels, LastAccessedSupport lastAccessed,
                         List<String> resourceTypes, List<String> dependentActions) {
        public Action {
            levels = levels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(levels));
            resourceTypes = List.copyOf(resourceTypes);
            dependentActions = List.copyOf(dependentActions);
        }
    }

    /** One service with its actions and operation mappings. */
    public record Service(String prefix, String name, List<Action> actions, Map<String, List<String>> operations) {
        public Service {
            actions = List.copyOf(actions);
            operations = Map.copyOf(operations);
        }
    }

    /** A whole file: header comment lines (without {@code #}) and services. */
    public record Contents(List<String> header, List<Service> services) {
        public Contents {
            header = List.copyOf(header);
            services = List.copyOf(services);
        }

        public int actionCount() {
            return services.stream().mapToInt(s -> s.actions().size()).sum();
        }
    }

    /** Writes services sorted by prefix and actions by name, so regenerating gives a stable diff. */
    public static void write(Contents contents, Writer out) {
        try {
            out.write(MAGIC + "\n");
            for (String h : contents.header()) {
                out.write("#" + h.replace('\n', ' ').replace('\r', ' ') + "\n");
            }
            List<Service> services = new ArrayList<>(contents.services());
            services.sort(Comparator.comparing(Service::prefix));
            for (Service s : services) {
                out.write("S\t" + s.prefix() + "\t" + clean(s.name()) + "\n");
                List<Action> actions = new ArrayList<>(s.actions());
                actions.sort(Comparator.comparing(a -> a.name().toLowerCase(Locale.ROOT)));
                for (Action a : actions) {
                    StringBuilder levels = new StringBuilder();
                    for (AccessLevel l : AccessLevel.values()) {
                        if (a.levels().contains(l)) {
                            levels.append(l.code());
                        }
                    }
                    out.write("A\t" + a.name() + "\t" + levels + "\t" + a.lastAccessed().code() + "\t"
                            + String.join(",", a.resourceTypes()) + "\t" + String.join(",", a.dependentActions()) + "\n");
                }
                for (Map.Entry<String, List<String>> o : new java.util.TreeMap<>(s.operations()).entrySet()) {
                    out.write("O\t" + o.getKey() + "\t" + String.join(",", o.getValue()) + "\n");
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and validates a file; a malformed line fails the whole read with its line number. */
    public static Contents read(BufferedReader in) {
        List<String> header = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        try {
            String first = in.readLine();
            if (!MAGIC.equals(first)) {
                throw new IllegalArgumentException("not a Watchkeeper IAM catalogue (first line must be '" + MAGIC + "')");
            }
            String prefix = null;
            String serviceName = null;
            List<Action> actions = new ArrayList<>();
            Map<String, List<String>> operations = new LinkedHashMap<>();
            int lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (++lineNo > MAX_LINES) {
                    throw new IllegalArgumentException("more than " + MAX_LINES + " lines");
                }
                if (line.startsWith("#")) {
                    header.add(line.substring(1));
                    continue;
                }
                String[] f = line.split("\t", -1);
                try {
                    switch (f[0]) {
                        case "S" -> {
                            if (prefix != null) {
                                services.add(new Service(prefix, serviceName, actions, operations));
                            }
                            need(f, 3);
                            prefix = check(PREFIX, f[1], "service prefix");
                            serviceName = clean(f[2]);
                            actions = new ArrayList<>();
                            operations = new LinkedHashMap<>();
                        }
                        case "A" -> {
                            need(f, 6);
                            if (prefix == null) {
                                throw new IllegalArgumentException("action before any service");
                            }
                            Set<AccessLevel> levels = EnumSet.noneOf(AccessLevel.class);
                            for (char c : f[2].toCharArray()) {
                                levels.add(AccessLevel.ofCode(c));
                            }
                            if (f[3].length() != 1) {
                                throw new IllegalArgumentException("last-accessed flag must be one of Y N ?");
                            }
                            actions.add(new Action(check(NAME, f[1], "action name"), levels,
                                    LastAccessedSupport.ofCode(f[3].charAt(0)), list(f[4], NAME, "resource type"),
                                    list(f[5], QUALIFIED, "dependent action")));
                        }
                        case "O" -> {
                            need(f, 3);
                            if (prefix == null) {
                                throw new IllegalArgumentException("operation before any service");
                            }
                            operations.put(check(NAME, f[1], "operation"), list(f[2], QUALIFIED, "action"));
                        }
                        default -> {
                            if (!line.isBlank()) {
                                throw new IllegalArgumentException("unknown line kind '" + f[0] + "'");
                            }
                        }
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("catalogue line " + lineNo + ": " + e.getMessage(), e);
                }
            }
            if (prefix != null) {
                services.add(new Service(prefix, serviceName, actions, operations));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Contents(header, services);
    }

    private static void need(String[] f, int n) {
        if (f.length != n) {
            throw new IllegalArgumentException("expected " + n + " fields, found " + f.length);
        }
    }

    private static String check(Pattern p, String value, String what) {
        if (!p.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid " + what + " '" + clean(value) + "'");
        }
        return value;
    }

    private static List<String> list(String field, Pattern p, String what) {
        if (field.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String v : field.split(",")) {
            out.add(check(p, v, what));
        }
        return out;
    }

    /** A free-text field on one line, without tabs, bounded. */
    static String clean(String s) {
        String one = s.replaceAll("[\\t\\r\\n\\p{Cntrl}]", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) : one;
    }
}
