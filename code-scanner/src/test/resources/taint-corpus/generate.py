#!/usr/bin/env python3
"""Writes the labelled Java taint corpus (one class per case) below this folder.

Each category gets the same flow shapes: vulnerable cases (a source reaches the category's sink
directly, through locals, builders, helpers, fields, collections, objects, interfaces, lambdas) and
safe look-alikes that differ by one thing (a sanitiser, a constant, a dead branch, another
collection element, a field or local overwritten with a safe value, a numeric parse, an allow-list
or regex check, a helper that drops its argument, a safe API use). A few shapes the analysis is known
to get wrong today are kept in (marked "known hard") so the scores are not flattered. The first line of each file is
its label: `// expect: vulnerable <rule>` or `// expect: safe <rule>`. Run: python3 generate.py
"""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

IMPORTS = """import java.io.*;
import com.thoughtworks.xstream.XStream;
import java.net.URL;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.*;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.servlet.ServletException;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import javax.xml.xpath.XPath;
import jakarta.persistence.EntityManager;
import org.apache.commons.io.FilenameUtils;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.ldap.support.LdapEncoder;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.HtmlUtils;
"""

FIELDS = """    private static final boolean DEBUG = false;
    private static final boolean FEATURE_ENABLED = false;
    private static final Set<String> ALLOWED = Set.of("alpha", "beta", "gamma");
    private static final Map<String, String> CHOICES = Map.of("a", "name", "b", "created");
    private static final String BASE = "/srv/data/";
    private Statement stmt;
    private Connection conn;
    private JdbcTemplate jdbc;
    private EntityManager em;
    private RestTemplate rest;
    private HttpClient http;
    private HttpServletResponse response;
    private HttpSession session;
    private DirContext ldap;
    private XPath xpath;
    private String current;
"""

# per category: rule, sinks (X -> statements), sanitiser (X -> expression), a safe API use (v -> statements)
CATEGORIES = {
    "sqli": ("java-sql-injection", [
        lambda x: f'stmt.executeQuery("SELECT * FROM users WHERE name = \'" + {x} + "\'");',
        lambda x: f'jdbc.queryForList("SELECT * FROM orders WHERE owner = \'" + {x} + "\'");',
        lambda x: f'em.createQuery("FROM Account a WHERE a.login = \'" + {x} + "\'").getResultList();',
        lambda x: f'conn.prepareStatement("UPDATE items SET seen = 1 WHERE tag = \'" + {x} + "\'").executeUpdate();',
        lambda x: f'em.createNativeQuery("DELETE FROM carts WHERE token = \'" + {x} + "\'").executeUpdate();',
        lambda x: f'jdbc.update("UPDATE users SET nick = \'" + {x} + "\' WHERE id = 1");',
    ], lambda x: f'String.valueOf(Integer.parseInt({x}))',
        [lambda v: f'PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");\n        ps.setString(1, {v});\n        ps.executeQuery();',
         lambda v: f'jdbc.queryForList("SELECT * FROM orders WHERE owner = ?", {v});',
         lambda v: f'em.createQuery("FROM Account a WHERE a.login = :login").setParameter("login", {v}).getResultList();']),
    "cmdi": ("java-command-injection", [
        lambda x: f'Runtime.getRuntime().exec("ping -c 1 " + {x});',
        lambda x: f'new ProcessBuilder("sh", "-c", "convert " + {x}).start();',
        lambda x: f'Runtime.getRuntime().exec(new String[] {{"bash", "-c", "du -sh " + {x}}});',
        lambda x: f'ProcessBuilder pb = new ProcessBuilder();\n        pb.command("nslookup", {x});\n        pb.start();',
        lambda x: f'new ProcessBuilder(List.of("git", "clone", {x})).start();',
    ], lambda x: f'Long.toString(Long.parseLong({x}))',
        [lambda v: f'System.out.println("listing for " + {v});\n        new ProcessBuilder("ls", "-l", "/var/reports").start();',
         lambda v: f'Runtime.getRuntime().exec(new String[] {{"uptime"}});\n        System.err.println({v});']),
    "path": ("java-path-traversal", [
        lambda x: f'new FileInputStream(BASE + {x}).close();',
        lambda x: f'Files.readAllBytes(Paths.get("/srv/files", {x}));',
        lambda x: f'new File("/var/uploads/" + {x}).delete();',
        lambda x: f'Files.readString(Path.of(BASE).resolve({x}));',
        lambda x: f'new FileSystemResource("/data/exports/" + {x}).getInputStream();',
        lambda x: f'new FileWriter("/tmp/out-" + {x}).close();',
    ], lambda x: f'FilenameUtils.getName({x})',
        [lambda v: f'Path base = Paths.get(BASE).toAbsolutePath().normalize();\n        Path p = base.resolve({v}).normalize();\n        if (!p.startsWith(base)) {{\n            throw new SecurityException("outside");\n        }}\n        Files.readAllBytes(p);',
         lambda v: f'System.out.println("download " + {v});\n        Files.readAllBytes(Paths.get(BASE, "report.csv"));']),
    "ssrf": ("java-ssrf", [
        lambda x: f'new URL({x}).openStream().close();',
        lambda x: f'rest.getForObject({x}, String.class);',
        lambda x: f'http.send(HttpRequest.newBuilder(URI.create({x})).build(), java.net.http.HttpResponse.BodyHandlers.ofString());',
        lambda x: f'new URL("http://" + {x} + "/status").openConnection().connect();',
        lambda x: f'WebClient.create({x}).get().retrieve();',
        lambda x: f'rest.exchange({x}, org.springframework.http.HttpMethod.GET, null, String.class);',
    ], lambda x: f'"https://api.example.com/items/" + URLEncoder.encode({x}, StandardCharsets.UTF_8)',
        [lambda v: f'rest.getForObject("https://api.example.com/users/" + {v} + "/profile", String.class);',
         lambda v: f'new URL("https://status.example.com/check?id=" + {v}).openStream().close();']),
    "xss": ("java-xss", [
        lambda x: f'response.getWriter().println("<p>Hello " + {x} + "</p>");',
        lambda x: f'PrintWriter out = response.getWriter();\n        out.write("<div>" + {x} + "</div>");',
        lambda x: f'response.getWriter().print({x});',
        lambda x: f'response.getOutputStream().print("<span>" + {x} + "</span>");',
        lambda x: f'PrintWriter w = response.getWriter();\n        w.format("<b>%s</b>", {x});',
    ], lambda x: f'HtmlUtils.htmlEscape({x})',
        [lambda v: f'PrintWriter log = new PrintWriter(new FileWriter("/var/log/app/visits.log", true));\n        log.println("visit " + {v});\n        log.close();\n        response.getWriter().println("<p>Thanks</p>");',
         lambda v: f'response.setContentType("text/html");\n        System.out.println({v});\n        response.getWriter().println("<p>Saved</p>");']),
    "ldap": ("java-ldap-injection", [
        lambda x: f'ldap.search("ou=people,dc=acme,dc=com", "(uid=" + {x} + ")", new SearchControls());',
        lambda x: f'ldap.search("ou=groups,dc=acme,dc=com", "(&(objectClass=group)(cn=" + {x} + "))", new SearchControls()).hasMore();',
    ], lambda x: f'LdapEncoder.filterEncode({x})',
        [lambda v: f'ldap.search("ou=people,dc=acme,dc=com", "(uid={{0}})", new Object[] {{{v}}}, new SearchControls());']),
    "xpath": ("java-xpath-injection", [
        lambda x: f'xpath.compile("//user[@name=\'" + {x} + "\']");',
        lambda x: f'xpath.evaluate("/users/user[@id=\'" + {x} + "\']/email", (Object) null);',
    ], lambda x: f'String.valueOf(Integer.parseInt({x}))',
        [lambda v: f'xpath.setXPathVariableResolver(q -> {v});\n        xpath.compile("//user[@name=$name]");']),
    "redirect": ("java-open-redirect", [
        lambda x: f'response.sendRedirect({x});',
        lambda x: f'response.sendRedirect({x} + "?welcome=1");',
    ], lambda x: f'"/app/" + URLEncoder.encode({x}, StandardCharsets.UTF_8)',
        [lambda v: f'response.sendRedirect("/home?user=" + {v});',
         lambda v: f'response.sendRedirect("https://accounts.example.com/login?next=" + {v});']),
    "deser": ("java-unsafe-deserialization", [
        lambda x: f'new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode({x}))).readObject();',
        lambda x: f'new XStream().fromXML({x});',
        lambda x: f'ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream({x}.getBytes(StandardCharsets.ISO_8859_1)));\n        in.readObject();',
    ], lambda x: f'String.valueOf(Long.parseLong({x}))',
        [lambda v: f'Properties p = new Properties();\n        p.load(new StringReader({v}));',
         lambda v: f'System.out.println("restore " + {v});\n        new ObjectInputStream(new FileInputStream("/srv/state/snapshot.bin")).readObject();']),
    "trust": ("java-trust-boundary", [
        lambda x: f'session.setAttribute("user", {x});',
        lambda x: f'HttpSession s = session;\n        s.setAttribute("lastSearch", "q=" + {x});',
    ], lambda x: f'String.valueOf(Integer.parseInt({x}))',
        [lambda v: f'System.out.println("login " + {v});\n        session.setAttribute("visits", 1);',
         lambda v: f'session.setAttribute("theme", "dark".equals({v}) ? "dark" : "light");']),
}

HOLDER = """
    static final class Holder {
        private String value;
        Holder(String value) { this.value = value; }
        String getValue() { return value; }
        void setValue(String value) { this.value = value; }
    }
"""

BUILDER = """
    interface Decorator { String decorate(String s); }

    static final class Suffixing implements Decorator {
        @Override public String decorate(String s) { return s.trim() + "-x"; }
    }

    private final Decorator decorator = new Suffixing();
"""

FIXED_BUILDER = """
    interface Decorator { String decorate(String s); }

    static final class Fixed implements Decorator {
        @Override public String decorate(String s) { return "fixed-value"; }
    }

    private final Decorator decorator = new Fixed();
"""


def servlet(body, extra=""):
    # a real override (the cases compile for the SpotBugs + FindSecBugs comparison): checked exceptions of the
    # sinks are wrapped the way servlets do
    return f"""    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {{
        try {{
{body}
        }} catch (Exception e) {{
            throw new ServletException(e);
        }}
    }}
{extra}"""


def spring(param, body, extra=""):
    return f"""    @GetMapping("/case")
    public void handle({param}) throws Exception {{
{body}
    }}
{extra}"""


def listener(annotation, param, body, extra=""):
    return f"""    {annotation}
    public void onMessage({param}) throws Exception {{
{body}
    }}
{extra}"""


def ind(text, n=8):
    return "\n".join((" " * n + line.lstrip() if line.strip() else line) for line in text.split("\n"))


def shapes(sink, san, safe_uses):
    S = lambda x, i=0: ind(sink(x))
    P = '        String v = req.getParameter("v");'
    vuln = [
        ("direct request parameter", servlet(P + "\n" + S("v"))),
        ("Spring @RequestParam", spring('@RequestParam("v") String v', S("v"))),
        ("request header", servlet('        String v = req.getHeader("X-Name");\n' + S("v"))),
        ("StringBuilder", servlet(P + '\n        StringBuilder sb = new StringBuilder();\n        sb.append("p-").append(v);\n' + S("sb.toString()"))),
        ("helper return value", servlet(P + "\n" + S("decorate(v)"),
            '\n    private String decorate(String a) {\n        return "n-" + a.trim();\n    }\n')),
        ("sink in a helper", servlet(P + "\n        run(v);",
            f'\n    private void run(String a) throws Exception {{\n{S("a")}\n    }}\n')),
        ("field used by another method", servlet(P + "\n        current = v;\n        process();",
            f'\n    private void process() throws Exception {{\n{S("current")}\n    }}\n')),
        ("list element", servlet(P + '\n        List<String> l = new ArrayList<>();\n        l.add("a");\n        l.add(v);\n' + S("l.get(1)"))),
        ("map value", servlet(P + '\n        Map<String, String> m = new HashMap<>();\n        m.put("k", v);\n' + S('m.get("k")'))),
        ("object through constructor and getter", servlet(P + "\n        Holder h = new Holder(v);\n" + S("h.getValue()"), HOLDER)),
        ("interface dispatch", servlet(P + "\n" + S("decorator.decorate(v)"), BUILDER)),
        ("@PathVariable and String.format", spring('@PathVariable("v") String v', S('String.format("%s", v)'))),
        ("cookie", servlet('        for (Cookie c : req.getCookies()) {\n            if (c.getName().equals("n")) {\n' + ind(sink("c.getValue()"), 16) + "\n            }\n        }")),
        ("static utility", servlet(P + "\n" + S("Util.wrap(v)"),
            '\n    static final class Util {\n        static String wrap(String s) {\n            return "[" + s + "]";\n        }\n    }\n')),
        ("ternary", servlet(P + '\n        String x = v != null ? v : "default";\n' + S("x"))),
        ("@RequestHeader through a lambda", spring('@RequestHeader("X-Name") String v',
            '        String x = Optional.ofNullable(v).map(s -> s.trim()).orElse("");\n' + S("x"))),
        # known hard: a static field of another class (not tracked today)
        ("static field of another class", servlet(P + "\n        Shared.last = v;\n" + S("Shared.last"),
            '\n    static final class Shared {\n        static String last;\n    }\n')),
        ("@KafkaListener payload", listener('@KafkaListener(topics = "jobs")', "String v", S("v"))),
        ("@JmsListener payload through a helper", listener('@JmsListener(destination = "jobs")', "String v", S("decorate(v)"),
            '\n    private String decorate(String a) {\n        return "n-" + a.trim();\n    }\n')),
        ("request body line and String.concat", servlet('        String v = req.getReader().readLine();\n        String x = "p-".concat(v);\n' + S("x"))),
    ]
    safe = [
        ("sanitiser", servlet(P + "\n" + S(san("v")))),
        ("constant", servlet(P + '\n        System.out.println("asked for " + v);\n        String fixed = "report";\n' + S("fixed"))),
        ("dead branch", servlet(P + "\n        if (DEBUG) {\n" + ind(sink("v"), 12) + "\n        }")),
        ("other list element", servlet(P + '\n        List<String> l = new ArrayList<>();\n        l.add(v);\n        l.add("safe");\n' + S("l.get(1)"))),
        ("other map key", servlet(P + '\n        Map<String, String> m = new HashMap<>();\n        m.put("user", v);\n        m.put("fixed", "safe");\n' + S('m.get("fixed")'))),
        ("field overwritten", servlet(P + '\n        this.current = v;\n        this.current = "guest";\n' + S("this.current"))),
        ("local overwritten", servlet(P + '\n        String q = v;\n        q = "constant";\n' + S("q"))),
        ("numeric parameter", spring('@RequestParam("id") long id', S("String.valueOf(id)"))),
        ("allow-list with early return", servlet(P + "\n        if (!ALLOWED.contains(v)) {\n            return;\n        }\n" + S("v"))),
        ("helper dropping its argument", servlet(P + "\n" + S("label(v)"),
            '\n    private String label(String a) {\n        return "fixed-label";\n    }\n')),
        ("object field replaced by a setter", servlet(P + '\n        Holder h = new Holder(v);\n        h.setValue("safe");\n' + S("h.getValue()"), HOLDER)),
        ("allow-list branch", servlet(P + "\n        if (ALLOWED.contains(v)) {\n" + ind(sink("v"), 12) + "\n        }")),
        ("regex validation", servlet(P + '\n        if (v.matches("[a-z0-9]{1,16}")) {\n' + ind(sink("v"), 12) + "\n        }")),
        ("dead branch by a constant conjunction", servlet(P + "\n        if (FEATURE_ENABLED && v != null) {\n" + ind(sink("v"), 12) + "\n        }")),
        ("allow-list map lookup", servlet(P + '\n        String choice = CHOICES.getOrDefault(v, "name");\n' + S("choice"))),
        ("interface implementation dropping its argument", servlet(P + "\n" + S("decorator.decorate(v)"), FIXED_BUILDER)),
        ("parsed number", servlet(P + "\n        int n = Integer.parseInt(v);\n" + S('"" + n'))),
        ("project validator method", servlet(P + "\n        if (!isSafeName(v)) {\n            return;\n        }\n" + S("v"),
            '\n    private static boolean isSafeName(String s) {\n        return s != null && s.matches("[a-z]{1,12}");\n    }\n')),
        # known hard: arrays are one value (the clean element is reported)
        ("other array element", servlet(P + '\n        String[] parts = {v, "safe"};\n' + S("parts[1]"))),
    ]
    safe += [
        ("@KafkaListener payload parsed as a number", listener('@KafkaListener(topics = "jobs")', "String v",
            "        long n = Long.parseLong(v);\n" + S('"" + n'))),
        ("sanitiser in a helper", servlet(P + "\n" + S("clean(v)"),
            f'\n    private String clean(String a) {{\n        return {san("a")};\n    }}\n')),
        ("environment variable (not a source unless the environment kind is enabled)",
            servlet('        String v = System.getenv("REPORT_NAME");\n' + S("v"))),
    ]
    for i, use in enumerate(safe_uses):
        safe.append((f"safe API use {i + 1}", servlet(P + "\n" + ind(use("v")))))
    return vuln, safe


def write(cat, rule, idx, label, shape, body):
    name = f"{'Vuln' if label == 'vulnerable' else 'Safe'}{idx:02d}"
    text = f"""// expect: {label} {rule}
// shape: {shape}
package corpus.{cat};

{IMPORTS}
public class {name} extends HttpServlet {{

{FIELDS}
{body}}}
"""
    with open(os.path.join(HERE, cat, name + ".java"), "w") as f:
        f.write(text)


for cat, (rule, sinks, san, uses) in CATEGORIES.items():
    shutil.rmtree(os.path.join(HERE, cat), ignore_errors=True)
    os.makedirs(os.path.join(HERE, cat))
    # each shape uses the category's sinks in turn
    n_v = n_s = 0
    for k in range(len(sinks)):
        pass
    vuln_all, safe_all = [], []
    for k, sink in enumerate(sinks):
        v, s = shapes(sink, san, uses)
        vuln_all.append(v)
        safe_all.append(s)
    shape_count_v = len(vuln_all[0])
    shape_count_s = len(safe_all[0])
    for i in range(shape_count_v):
        shape, body = vuln_all[i % len(sinks)][i]
        write(cat, rule, i + 1, "vulnerable", shape, body)
    for i in range(shape_count_s):
        shape, body = safe_all[i % len(sinks)][i]
        write(cat, rule, i + 1, "safe", shape, body)


# API misuses (no source): per family vulnerable uses and safe look-alikes differing by one thing
MISUSE = {
    "crypto": [("java-weak-hash", "vulnerable", "MD5 for a password", 'MessageDigest.getInstance("MD5").digest(req.getParameter("pw").getBytes(StandardCharsets.UTF_8));'),
               ("java-weak-hash", "vulnerable", "SHA-1 through a constant", 'String alg = "SHA-1";\n        MessageDigest.getInstance(HASH).digest(alg.getBytes(StandardCharsets.UTF_8));'),
               ("java-weak-hash", "safe", "SHA-256", 'MessageDigest.getInstance("SHA-256").digest(req.getParameter("pw").getBytes(StandardCharsets.UTF_8));'),
               ("java-weak-hash", "safe", "SHA-512 through a constant", 'MessageDigest.getInstance(STRONG_HASH).digest(new byte[] {1});'),
               ("java-weak-cipher", "vulnerable", "DES", 'Cipher.getInstance("DES/CBC/PKCS5Padding");'),
               ("java-weak-cipher", "vulnerable", "AES in ECB mode", 'Cipher.getInstance("AES/ECB/PKCS5Padding");'),
               ("java-weak-cipher", "vulnerable", "AES without a mode (ECB)", 'Cipher c = Cipher.getInstance("AES");\n        c.getBlockSize();'),
               ("java-weak-cipher", "vulnerable", "triple DES", 'Cipher.getInstance("DESede/CBC/PKCS5Padding");'),
               ("java-weak-cipher", "safe", "AES/GCM", 'Cipher.getInstance("AES/GCM/NoPadding");'),
               ("java-weak-cipher", "safe", "AES/CBC", 'Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");\n        c.getBlockSize();'),
               ("java-weak-cipher", "safe", "ChaCha20", 'Cipher.getInstance("ChaCha20-Poly1305");'),
               ("java-static-iv", "vulnerable", "IV from a literal array", 'new IvParameterSpec(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});'),
               ("java-static-iv", "vulnerable", "IV from a constant string", 'new IvParameterSpec("0123456789abcdef".getBytes(StandardCharsets.UTF_8));'),
               ("java-static-iv", "vulnerable", "GCM nonce from a constant field", 'new GCMParameterSpec(128, FIXED_NONCE);'),
               ("java-static-iv", "safe", "IV from SecureRandom", 'byte[] iv = new byte[16];\n        new SecureRandom().nextBytes(iv);\n        new IvParameterSpec(iv);'),
               ("java-static-iv", "safe", "GCM nonce from SecureRandom", 'byte[] nonce = new byte[12];\n        new SecureRandom().nextBytes(nonce);\n        new GCMParameterSpec(128, nonce);'),
               ],
    "xxe": [("java-xxe", "vulnerable", "DocumentBuilderFactory default", 'DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();\n        f.newDocumentBuilder().parse(req.getInputStream());'),
            ("java-xxe", "vulnerable", "SAXParserFactory default", 'SAXParserFactory f = SAXParserFactory.newInstance();\n        f.newSAXParser().parse(req.getInputStream(), new org.xml.sax.helpers.DefaultHandler());'),
            ("java-xxe", "vulnerable", "XMLInputFactory default", 'XMLInputFactory f = XMLInputFactory.newInstance();\n        f.createXMLStreamReader(req.getInputStream());'),
            ("java-xxe", "vulnerable", "secure processing switched off", 'DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();\n        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, false);\n        f.newDocumentBuilder().parse(req.getInputStream());'),
            ("java-xxe", "vulnerable", "namespace-aware only", 'DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();\n        f.setNamespaceAware(true);\n        f.newDocumentBuilder().parse(req.getInputStream());'),
            ("java-xxe", "safe", "doctype disallowed", 'DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();\n        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);\n        f.newDocumentBuilder().parse(req.getInputStream());'),
            ("java-xxe", "safe", "secure processing", 'DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();\n        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);\n        f.newDocumentBuilder().parse(req.getInputStream());'),
            ("java-xxe", "safe", "SAX with doctype disallowed", 'SAXParserFactory f = SAXParserFactory.newInstance();\n        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);\n        f.newSAXParser().parse(req.getInputStream(), new org.xml.sax.helpers.DefaultHandler());'),
            ("java-xxe", "safe", "StAX without DTDs", 'XMLInputFactory f = XMLInputFactory.newInstance();\n        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);\n        f.createXMLStreamReader(req.getInputStream());'),
            ("java-xxe", "safe", "external DTD access off", 'DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();\n        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");\n        f.newDocumentBuilder().parse(req.getInputStream());'),
            ],
    "cookie": [("java-insecure-cookie", "vulnerable", "no flags", 'Cookie c = new Cookie("session", req.getParameter("s"));\n        resp.addCookie(c);'),
               ("java-insecure-cookie", "vulnerable", "HttpOnly only", 'Cookie c = new Cookie("session", "x");\n        c.setHttpOnly(true);\n        resp.addCookie(c);'),
               ("java-insecure-cookie", "vulnerable", "Secure only", 'Cookie c = new Cookie("session", "x");\n        c.setSecure(true);\n        resp.addCookie(c);'),
               ("java-insecure-cookie", "vulnerable", "Secure switched off", 'Cookie c = new Cookie("session", "x");\n        c.setSecure(false);\n        c.setHttpOnly(true);\n        resp.addCookie(c);'),
               ("java-insecure-cookie", "safe", "both flags", 'Cookie c = new Cookie("session", "x");\n        c.setSecure(true);\n        c.setHttpOnly(true);\n        resp.addCookie(c);'),
               ("java-insecure-cookie", "safe", "both flags, path and age", 'Cookie c = new Cookie("prefs", "x");\n        c.setPath("/");\n        c.setMaxAge(3600);\n        c.setHttpOnly(true);\n        c.setSecure(true);\n        resp.addCookie(c);'),
               ("java-insecure-cookie", "safe", "reading cookies only", 'for (Cookie c : req.getCookies()) {\n            System.out.println(c.getName());\n        }'),
               ],
    "random": [("java-insecure-random", "vulnerable", "Random for a reset token", 'String resetToken = Long.toHexString(new java.util.Random().nextLong());\n        resp.getWriter().println(resetToken.length());'),
               ("java-insecure-random", "vulnerable", "Math.random for a session id", 'double sessionId = Math.random();\n        System.out.println(sessionId);'),
               ("java-insecure-random", "vulnerable", "Random field for a nonce", 'long nonce = rnd.nextLong();\n        System.out.println(nonce);'),
               ("java-insecure-random", "safe", "SecureRandom for a token", 'long token = new SecureRandom().nextLong();\n        System.out.println(token);'),
               ("java-insecure-random", "safe", "Random for a retry jitter", 'long jitter = rnd.nextInt(250);\n        Thread.sleep(jitter);'),
               ("java-insecure-random", "safe", "Math.random for a sample rate", 'double sample = Math.random();\n        System.out.println(sample < 0.1);'),
               ],
    "credentials": [("java-hardcoded-credential", "vulnerable", "JDBC password literal", 'DriverManager.getConnection("jdbc:postgresql://db/app", "app", "s3cr3t-Pa55");'),
                    ("java-hardcoded-credential", "vulnerable", "key from a literal", 'new SecretKeySpec("0123456789abcdef".getBytes(StandardCharsets.UTF_8), "AES");'),
                    ("java-hardcoded-credential", "vulnerable", "password constant", 'DriverManager.getConnection("jdbc:postgresql://db/app", "app", DB_PASSWORD);'),
                    ("java-hardcoded-credential", "safe", "JDBC password from the environment", 'DriverManager.getConnection("jdbc:postgresql://db/app", "app", System.getenv("DB_PASSWORD"));'),
                    ("java-hardcoded-credential", "safe", "key from a parameter", 'new SecretKeySpec(java.util.Base64.getDecoder().decode(req.getHeader("k")), "AES");'),
                    ("java-hardcoded-credential", "safe", "key from a key store", 'char[] pw = System.console() == null ? new char[0] : System.console().readPassword();\n        java.security.KeyStore.getInstance("PKCS12").load(null, pw);'),
                    ],
}

MISUSE_FIELDS = """    private static final String HASH = "SHA1";
    private static final String STRONG_HASH = "SHA-512";
    private static final byte[] FIXED_NONCE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    private static final String DB_PASSWORD = "Winter2026!";
    private final java.util.Random rnd = new java.util.Random();
"""

for cat, cases in MISUSE.items():
    shutil.rmtree(os.path.join(HERE, cat), ignore_errors=True)
    os.makedirs(os.path.join(HERE, cat))
    counts = {"vulnerable": 0, "safe": 0}
    for rule, label, shape, body in cases:
        counts[label] += 1
        name = f"{'Vuln' if label == 'vulnerable' else 'Safe'}{counts[label]:02d}"
        text = f"""// expect: {label} {rule}
// shape: {shape}
package corpus.{cat};

{IMPORTS}
public class {name} extends HttpServlet {{

{FIELDS}{MISUSE_FIELDS}
{servlet(ind(body))}}}
"""
        with open(os.path.join(HERE, cat, name + ".java"), "w") as f:
            f.write(text)
