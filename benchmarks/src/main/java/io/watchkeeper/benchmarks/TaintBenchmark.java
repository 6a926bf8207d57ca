package io.watchkeeper.benchmarks;

import io.watchkeeper.codescanner.taint.JavaTaintAnalyzer;
import io.watchkeeper.codescanner.taint.TaintModel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Speed of the Java taint analysis. {@code TaintBenchmark generate DIR [MODULES]} writes a synthetic
 * Spring Boot code base (per module: a controller with six handlers, a service, a JDBC repository, an
 * entity, a utility class; every tenth module has one planted SQL injection across controller, service
 * and repository); {@code TaintBenchmark run DIR [RUNS] [FILES]} analyses it (or its first FILES files,
 * the size of a pull request) RUNS times in one JVM and prints lines, flows, CPU and wall seconds.
 */
public final class TaintBenchmark {

    private TaintBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        if (args[0].equals("generate")) {
            generate(dir, args.length > 2 ? Integer.parseInt(args[2]) : 250);
            return;
        }
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int limit = args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
        List<JavaTaintAnalyzer.Source> sources = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".java")).sorted().limit(limit).toList()) {
                sources.add(new JavaTaintAnalyzer.Source(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        JavaTaintAnalyzer analyzer = new JavaTaintAnalyzer(TaintModel.builtIn(), JavaTaintAnalyzer.Limits.DEFAULT);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < runs; i++) {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            JavaTaintAnalyzer.Result r = analyzer.analyze(sources);
            double cpuS = (os.getProcessCpuTime() - cpu) / 1e9;
            double wallS = (System.nanoTime() - wall) / 1e9;
            System.out.printf("run %d: %d files, %d lines, %d flows, timed out %s, cpu %.2f s (%.0f lines per CPU second), wall %.2f s, heap %d MiB%n",
                    i + 1, r.files(), r.lines(), r.flows().size(), r.timedOut(), cpuS, r.lines() / cpuS, wallS,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576);
        }
    }

    static void generate(Path dir, int modules) throws IOException {
        for (int i = 0; i < modules; i++) {
            String pkg = "com.acme.shop" + i;
            Path base = dir.resolve("src/main/java/com/acme/shop" + i);
            boolean planted = i % 10 == 0;
            write(base.resolve("web/OrderController.java"), controller(pkg, planted));
            write(base.resolve("service/OrderService.java"), service(pkg));
            write(base.resolve("repo/OrderRepository.java"), repository(pkg));
            write(base.resolve("model/Order.java"), entity(pkg));
            write(base.resolve("util/Text.java"), util(pkg));
        }
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static String controller(String pkg, boolean planted) {
        return "package " + pkg + ".web;\n\n"
                + "import " + pkg + ".model.Order;\nimport " + pkg + ".service.OrderService;\nimport " + pkg + ".util.Text;\n"
                + "import java.util.List;\nimport java.util.Map;\nimport org.springframework.web.bind.annotation.*;\n"
                + "import org.springframework.web.util.HtmlUtils;\n\n"
                + "@RestController\n@RequestMapping(\"/orders\")\npublic class OrderController {\n\n"
                + "    private final OrderService service;\n\n"
                + "    public OrderController(OrderService service) {\n        this.service = service;\n    }\n\n"
                + "    @GetMapping(value = \"/{id}\", produces = \"application/json\")\n"
                + "    public Order get(@PathVariable long id) {\n        return service.find(id);\n    }\n\n"
                + "    @GetMapping(produces = \"application/json\")\n"
                + "    public List<Order> list(@RequestParam(defaultValue = \"0\") int page, @RequestParam(defaultValue = \"created\") String sort) {\n"
                + "        String column = Text.column(sort);\n        return service.page(page, column);\n    }\n\n"
                + "    @GetMapping(\"/search\")\n"
                + "    public List<Order> search(@RequestParam String customer) {\n"
                + (planted ? "        return service.searchUnsafe(customer);\n" : "        return service.search(customer);\n")
                + "    }\n\n"
                + "    @PostMapping(produces = \"application/json\")\n"
                + "    public Order create(@RequestBody Order order) {\n        if (order.quantity() <= 0) {\n"
                + "            throw new IllegalArgumentException(\"quantity\");\n        }\n        return service.create(order);\n    }\n\n"
                + "    @GetMapping(value = \"/greeting\", produces = \"text/html\")\n"
                + "    public String greeting(@RequestParam String name) {\n"
                + "        return \"<h1>Hello \" + HtmlUtils.htmlEscape(name) + \"</h1>\";\n    }\n\n"
                + "    @GetMapping(value = \"/stats\", produces = \"application/json\")\n"
                + "    public Map<String, Long> stats(@RequestParam(required = false) String region) {\n"
                + "        String r = region == null ? \"all\" : region;\n"
                + "        if (!Text.REGIONS.contains(r)) {\n            r = \"all\";\n        }\n"
                + "        return service.stats(r);\n    }\n}\n";
    }

    private static String service(String pkg) {
        return "package " + pkg + ".service;\n\n"
                + "import " + pkg + ".model.Order;\nimport " + pkg + ".repo.OrderRepository;\n"
                + "import java.util.ArrayList;\nimport java.util.HashMap;\nimport java.util.List;\nimport java.util.Map;\n\n"
                + "public class OrderService {\n\n    private final OrderRepository repo;\n    private int calls;\n\n"
                + "    public OrderService(OrderRepository repo) {\n        this.repo = repo;\n    }\n\n"
                + "    public Order find(long id) {\n        calls++;\n        Order o = repo.byId(id);\n"
                + "        if (o == null) {\n            throw new IllegalStateException(\"no order \" + id);\n        }\n        return o;\n    }\n\n"
                + "    public List<Order> page(int page, String column) {\n        int size = 50;\n        int offset = Math.max(0, page) * size;\n"
                + "        return repo.page(column, size, offset);\n    }\n\n"
                + "    public List<Order> search(String customer) {\n        String trimmed = customer.trim();\n"
                + "        List<Order> out = new ArrayList<>();\n        for (Order o : repo.byCustomer(trimmed)) {\n"
                + "            if (o.quantity() > 0) {\n                out.add(o);\n            }\n        }\n        return out;\n    }\n\n"
                + "    public List<Order> searchUnsafe(String customer) {\n        StringBuilder where = new StringBuilder(\"customer = '\");\n"
                + "        where.append(customer.trim()).append(\"'\");\n        return repo.where(where.toString());\n    }\n\n"
                + "    public Order create(Order order) {\n        calls++;\n        return repo.insert(order);\n    }\n\n"
                + "    public Map<String, Long> stats(String region) {\n        Map<String, Long> out = new HashMap<>();\n"
                + "        out.put(\"orders\", repo.count(region));\n        out.put(\"calls\", (long) calls);\n        return out;\n    }\n}\n";
    }

    private static String repository(String pkg) {
        return "package " + pkg + ".repo;\n\n"
                + "import " + pkg + ".model.Order;\nimport java.util.List;\nimport org.springframework.jdbc.core.JdbcTemplate;\n"
                + "import org.springframework.jdbc.core.RowMapper;\n\n"
                + "public class OrderRepository {\n\n    private static final String COLUMNS = \"id, customer, item, quantity, created\";\n"
                + "    private final JdbcTemplate jdbc;\n"
                + "    private final RowMapper<Order> mapper = (rs, n) -> new Order(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4));\n\n"
                + "    public OrderRepository(JdbcTemplate jdbc) {\n        this.jdbc = jdbc;\n    }\n\n"
                + "    public Order byId(long id) {\n        return jdbc.queryForObject(\"SELECT \" + COLUMNS + \" FROM orders WHERE id = ?\", mapper, id);\n    }\n\n"
                + "    public List<Order> byCustomer(String customer) {\n"
                + "        return jdbc.query(\"SELECT \" + COLUMNS + \" FROM orders WHERE customer = ?\", mapper, customer);\n    }\n\n"
                + "    public List<Order> page(String column, int size, int offset) {\n"
                + "        return jdbc.query(\"SELECT \" + COLUMNS + \" FROM orders ORDER BY \" + column + \" LIMIT \" + size + \" OFFSET \" + offset, mapper);\n    }\n\n"
                + "    public List<Order> where(String condition) {\n"
                + "        return jdbc.query(\"SELECT \" + COLUMNS + \" FROM orders WHERE \" + condition, mapper);\n    }\n\n"
                + "    public Order insert(Order o) {\n"
                + "        jdbc.update(\"INSERT INTO orders (customer, item, quantity) VALUES (?, ?, ?)\", o.customer(), o.item(), o.quantity());\n"
                + "        return o;\n    }\n\n"
                + "    public long count(String region) {\n"
                + "        Long n = jdbc.queryForObject(\"SELECT count(*) FROM orders WHERE region = ?\", Long.class, region);\n"
                + "        return n == null ? 0 : n;\n    }\n}\n";
    }

    private static String entity(String pkg) {
        return "package " + pkg + ".model;\n\n"
                + "/** An order line. */\npublic record Order(long id, String customer, String item, int quantity) {\n\n"
                + "    public Order {\n        if (customer == null || customer.isBlank()) {\n"
                + "            throw new IllegalArgumentException(\"customer\");\n        }\n    }\n\n"
                + "    public Order withQuantity(int q) {\n        return new Order(id, customer, item, q);\n    }\n\n"
                + "    public String label() {\n        return customer + \": \" + quantity + \" x \" + item;\n    }\n}\n";
    }

    private static String util(String pkg) {
        return "package " + pkg + ".util;\n\n"
                + "import java.util.Locale;\nimport java.util.Map;\nimport java.util.Set;\n\n"
                + "public final class Text {\n\n"
                + "    public static final Set<String> REGIONS = Set.of(\"all\", \"eu\", \"us\", \"apac\");\n"
                + "    private static final Map<String, String> SORTABLE = Map.of(\"created\", \"created\", \"customer\", \"customer\", \"qty\", \"quantity\");\n\n"
                + "    private Text() {\n    }\n\n"
                + "    /** The column a sort key names, from an allow-list. */\n"
                + "    public static String column(String key) {\n"
                + "        return SORTABLE.getOrDefault(key == null ? \"\" : key.toLowerCase(Locale.ROOT), \"created\");\n    }\n\n"
                + "    public static String slug(String s) {\n        StringBuilder b = new StringBuilder();\n"
                + "        for (char c : s.toCharArray()) {\n            if (Character.isLetterOrDigit(c)) {\n"
                + "                b.append(Character.toLowerCase(c));\n            } else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {\n"
                + "                b.append('-');\n            }\n        }\n        return b.toString();\n    }\n}\n";
    }
}
