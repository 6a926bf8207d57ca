// expect: safe java-command-injection
// shape: project validator method
package corpus.cmdi;

import java.io.*;
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

public class Safe18 extends HttpServlet {

    private static final boolean DEBUG = false;
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

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        try {
        String v = req.getParameter("v");
        if (!isSafeName(v)) {
            return;
        }
        Runtime.getRuntime().exec(new String[] {"bash", "-c", "du -sh " + v});
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    private static boolean isSafeName(String s) {
        return s != null && s.matches("[a-z]{1,12}");
    }
}
