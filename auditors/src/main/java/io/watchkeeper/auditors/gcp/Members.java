package io.watchkeeper.auditors.gcp;

import io.watchkeeper.core.config.gcp.GcpIamPolicy;
import io.watchkeeper.core.config.gcp.GcpIamPolicy.Binding;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.json.CanonicalJson;
import tools.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * IAM members as GCP writes them ({@code user:a@b}, {@code serviceAccount:…}, {@code group:…},
 * {@code domain:…}, {@code allUsers}, {@code allAuthenticatedUsers}, {@code deleted:…}) and the lists of
 * stored records read null-safely: everything here comes from a cloud API and may be missing or odd.
 */
public final class Members {

    public static final String ALL_USERS = "allUsers";
    public static final String ALL_AUTHENTICATED = "allAuthenticatedUsers";

    /** Consumer (personal) mail domains: accounts there belong to no organisation. */
    static final Set<String> CONSUMER_DOMAINS = Set.of("gmail.com", "googlemail.com", "hotmail.com", "outlook.com",
            "live.com", "msn.com", "yahoo.com", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com",
            "protonmail.com", "proton.me", "gmx.com", "gmx.de", "mail.com", "yandex.com", "yandex.ru", "qq.com",
            "163.com");

    /** The Compute Engine default service account: {@code <project number>-compute@developer.gserviceaccount.com}. */
    private static final Pattern DEFAULT_COMPUTE_SA = Pattern.compile("\\d+-compute@developer\\.gserviceaccount\\.com");
    /** The App Engine default service account. */
    private static final Pattern DEFAULT_APPENGINE_SA = Pattern.compile("[a-z0-9.:-]+@appspot\\.gserviceaccount\\.com");

    private static final String ID = "([a-z][a-z0-9-]{4,28}[a-z0-9])";
    private static final String NUMBER = "([1-9]\\d{0,19})";
    /**
     * Service-account e-mails that name their project, most specific first: Google-managed service agents
     * ({@code service-NUMBER@…}, {@code pNUMBER-xxxx@gcp-sa-…}, {@code NUMBER@cloudservices…}, {@code NUMBER@cloudbuild…},
     * {@code NUMBER-compute@developer…}) by number, user-created ones and App Engine's by project id.
     */
    private static final List<Pattern> SA_PROJECT = List.of(
            Pattern.compile("service-" + NUMBER + "@[a-z0-9-]{1,63}\\.iam\\.gserviceaccount\\.com"),
            Pattern.compile("p" + NUMBER + "-[a-z0-9]{1,16}@gcp-sa-[a-z0-9-]{1,54}\\.iam\\.gserviceaccount\\.com"),
            Pattern.compile(NUMBER + "@(?:cloudservices|cloudbuild)\\.gserviceaccount\\.com"),
            Pattern.compile(NUMBER + "-compute@developer\\.gserviceaccount\\.com"),
            Pattern.compile("[a-z][a-z0-9-]{0,62}@" + ID + "\\.iam\\.gserviceaccount\\.com"),
            Pattern.compile(ID + "@appspot\\.gserviceaccount\\.com"));

    /** The longest CIDR text (an IPv6 address with a prefix): longer values are not addresses and are not parsed. */
    public static final int MAX_CIDR = 50;

    private Members() {}

    /** {@code list} without nulls; empty for null. */
    public static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    /** The policy's bindings without null ones; none for a null policy. */
    public static List<Binding> bindings(GcpIamPolicy policy) {
        return policy == null ? List.of() : list(policy.bindings());
    }

    /** The members of a binding without nulls and blanks. */
    public static List<String> members(Binding binding) {
        return list(binding.members()).stream().filter(m -> !m.isBlank()).toList();
    }

    public static boolean isPublic(String member) {
        return ALL_USERS.equals(member) || ALL_AUTHENTICATED.equals(member);
    }

    /** A person or a group of people (not a service account, not public, not deleted). */
    public static boolean isPerson(String member) {
        return member.startsWith("user:") || member.startsWith("group:");
    }

    public static boolean isServiceAccount(String member) {
        return member.startsWith("serviceAccount:");
    }

    /** The e-mail or domain after the kind prefix, lower case, without a {@code ?uid=} suffix; null for others. */
    public static String address(String member) {
        int colon = member.indexOf(':');
        if (colon < 0 || member.startsWith("deleted:") || member.startsWith("principal")) {
            return null;
        }
        String rest = member.substring(colon + 1);
        int q = rest.indexOf('?');
        return (q < 0 ? rest : rest.substring(0, q)).strip().toLowerCase(Locale.ROOT);
    }

    /** The domain of a {@code user:}, {@code group:} or {@code domain:} member; null otherwise. */
    public static String domain(String member) {
        if (!isPerson(member) && !member.startsWith("domain:")) {
            return null;
        }
        String address = address(member);
        if (address == null || address.isEmpty()) {
            return null;
        }
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(at + 1);
    }

    /** A person or group with a consumer mail address (gmail.com and the like). */
    public static boolean isConsumer(String member) {
        String domain = domain(member);
        return domain != null && isPerson(member) && CONSUMER_DOMAINS.contains(domain);
    }

    /** Whether {@code email} is a project's Compute Engine or App Engine default service account. */
    public static boolean isDefaultServiceAccount(String email) {
        if (email == null) {
            return false;
        }
        String e = email.strip().toLowerCase(Locale.ROOT);
        return DEFAULT_COMPUTE_SA.matcher(e).matches() || DEFAULT_APPENGINE_SA.matcher(e).matches();
    }

    /** Whether {@code email} is a user-created service account ({@code name@project.iam.gserviceaccount.com}). */
    public static boolean isUserCreatedServiceAccount(String email) {
        if (email == null) {
            return false;
        }
        String e = email.strip().toLowerCase(Locale.ROOT);
        return e.endsWith(".iam.gserviceaccount.com") && !e.contains("@gcp-sa-");
    }

    /**
     * The project a {@code serviceAccount:} member belongs to, as its e-mail names it: a project id or a project
     * number (service agents); null for other members and for e-mails that name no project (organisation-level
     * agents, Google-internal accounts, anything unexpected).
     */
    public static String serviceAccountProject(String member) {
        if (member == null || !isServiceAccount(member)) {
            return null;
        }
        String email = address(member);
        if (email == null || email.length() > 254) {
            return null;
        }
        for (Pattern p : SA_PROJECT) {
            java.util.regex.Matcher m = p.matcher(email);
            if (m.matches()) {
                // a service agent's domain (gcp-sa-pubsub, …) is Google's, not a project
                return m.group(1).startsWith("gcp-sa-") ? null : m.group(1);
            }
        }
        return null;
    }

    /**
     * A metadata or flag value that GCP reads as true ({@code TRUE}, {@code true}, {@code 1}, {@code y},
     * {@code yes}, {@code on}); null and anything else are not true.
     */
    public static boolean isTrue(String value) {
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "y", "yes", "on" -> true;
            default -> false;
        };
    }

    /** A value GCP reads as false; null (unset) is neither true nor false. */
    public static boolean isFalse(String value) {
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "false", "0", "n", "no", "off" -> true;
            default -> false;
        };
    }

    /** Basic roles that grant (nearly) everything. */
    public static boolean isPrimitiveWrite(String role) {
        return "roles/owner".equals(role) || "roles/editor".equals(role);
    }

    /** CIS 1.5's "administrative" roles: owner, editor, and any role whose name contains admin. */
    public static boolean isAdminRole(String role) {
        if (role == null) {
            return false;
        }
        return isPrimitiveWrite(role) || role.toLowerCase(Locale.ROOT).contains("admin");
    }

    /**
     * Evidence with its key and message bounded (cloud values can be any length): a key over 500
     * characters keeps 400 and a hash of the whole, so it stays unique and stable.
     */
    public static Evidence evidence(String key, String message, Exposure exposure, JsonNode details) {
        String k = key.length() <= 500 ? key : key.substring(0, 400) + "#" + CanonicalJson.sha256(key).substring(0, 16);
        String m = message.length() <= 500 ? message : message.substring(0, 497) + "...";
        return new Evidence(k, m, exposure, details);
    }

    /** One member's grant: the role, the member, and whether a condition limits it. */
    public record Grant(String role, String member, boolean conditional) {}

    /** Every (role, member) of the policy, unconditional and conditional, in the policy's order. */
    public static List<Grant> grants(GcpIamPolicy policy) {
        List<Grant> out = new ArrayList<>();
        for (Binding b : bindings(policy)) {
            String role = b.role() == null ? "" : b.role();
            for (String m : members(b)) {
                out.add(new Grant(role, m, b.condition() != null));
            }
        }
        return out;
    }
}
