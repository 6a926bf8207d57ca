package io.watchkeeper.auditors;

import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.model.Account;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who is who: the owning account, registered accounts (friendly, or third party when declared so),
 * AWS service principals, named trusted networks, private address space, and everyone else.
 */
public final class EntityClassifier {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ARN_ACCOUNT = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:(\\d{12}):.*");
    private static final List<Cidr> PRIVATE = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.168.0.0/16"), Cidr.parse("100.64.0.0/10"), Cidr.parse("127.0.0.0/8"),
            Cidr.parse("169.254.0.0/16"), Cidr.parse("fc00::/7"), Cidr.parse("fe80::/10"), Cidr.parse("::1/128"));

    private final String owner;
    private final Map<String, Account> known = new HashMap<>();
    private final Map<String, Cidr> trustedNetworks = new HashMap<>();
    private final java.util.Set<String> trustedDomains = new java.util.TreeSet<>();
    private final java.util.Set<String> trustedProjects = new java.util.TreeSet<>();
    private java.util.function.Supplier<Map<String, String>> projectNumbers = Map::of;

    /**
     * @param owner the account id that owns the audited resources
     * @param accounts every registered account
     * @param trustedNetworks named CIDRs that count as friendly (offices, VPNs)
     */
    public EntityClassifier(String owner, Collection<Account> accounts, Map<String, String> trustedNetworks) {
        this.owner = owner;
        accounts.forEach(a -> known.put(a.externalId(), a));
        trustedNetworks.forEach((name, cidr) -> this.trustedNetworks.put(name, Cidr.parse(cidr)));
    }

    /**
     * @param trustedDomains declared trusted GCP member domains (lower case; subdomains included), e.g. a
     *     partner's Workspace domain; consumer domains are ignored by the checks whatever is declared
     */
    public EntityClassifier(String owner, Collection<Account> accounts, Map<String, String> trustedNetworks,
                            Collection<String> trustedDomains) {
        this(owner, accounts, trustedNetworks);
        trustedDomains.forEach(d -> this.trustedDomains.add(normalDomain(d)));
    }

    /** A declared domain, lower case without a trailing dot; a value that is not a domain name is refused. */
    public static String normalDomain(String domain) {
        String d = domain == null ? "" : domain.strip().toLowerCase(java.util.Locale.ROOT);
        d = d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
        if (!d.matches("(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]")) {
            throw new IllegalArgumentException("invalid trusted domain '" + domain + "': expected a domain name such as partner.example");
        }
        return d;
    }

    /**
     * Declares GCP projects trusted besides the registered ones ({@code watchkeeper.gcp.trusted-projects}: project ids
     * or numbers), and where the project numbers of the watched projects come from (number to project id; read
     * at most once, on the first service agent named by a number that is not the owner's).
     *
     * @return this classifier
     */
    public EntityClassifier withGcpProjects(Collection<String> trusted, java.util.function.Supplier<Map<String, String>> numbers) {
        trusted.forEach(p -> trustedProjects.add(normalProject(p)));
        java.util.concurrent.atomic.AtomicReference<Map<String, String>> memo = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.function.Supplier<Map<String, String>> source = Objects.requireNonNull(numbers, "numbers");
        this.projectNumbers = () -> {
            synchronized (memo) {
                if (memo.get() == null) {
                    memo.set(Map.copyOf(source.get()));
                }
                return memo.get();
            }
        };
        return this;
    }

    /** A declared project: an id (6 to 30 of a-z, 0-9 and '-', starting with a letter) or a project number. */
    public static String normalProject(String project) {
        String p = project == null ? "" : project.strip().toLowerCase(java.util.Locale.ROOT);
        if (!p.matches("[a-z][a-z0-9-]{4,28}[a-z0-9]|[1-9]\\d{0,19}")) {
            throw new IllegalArgumentException("invalid trusted project '" + project
                    + "': expected a project id such as partner-project or a project number");
        }
        return p;
    }

    public EntityClassifier forOwner(String accountId) {
        EntityClassifier other = new EntityClassifier(accountId, List.of(), Map.of());
        other.known.putAll(known);
        other.trustedNetworks.putAll(trustedNetworks);
        other.trustedDomains.addAll(trustedDomains);
        other.trustedProjects.addAll(trustedProjects);
        other.projectNumbers = projectNumbers;
        return other;
    }

    /**
     * Classifies a GCP project named by id or number (exact match only: a project id that merely contains a trusted
     * one is unknown): the owner, a registered GCP project (friendly, or third party when declared so), a
     * declared trusted project (friendly), a watched project by its number, or unknown.
     */
    public EntityClass gcpProject(String project) {
        if (project == null || project.isBlank()) {
            return EntityClass.UNKNOWN;
        }
        String p = project.strip().toLowerCase(java.util.Locale.ROOT);
        if (p.equals(owner)) {
            return EntityClass.SAME_ACCOUNT;
        }
        Account account = known.get(p);
        if (account != null && account.provider() == io.watchkeeper.core.model.Provider.GCP) {
            return account.thirdParty() ? EntityClass.THIRD_PARTY : EntityClass.FRIENDLY;
        }
        if (trustedProjects.contains(p)) {
            return EntityClass.FRIENDLY;
        }
        if (p.chars().allMatch(Character::isDigit)) {
            String id = projectNumbers.get().get(p);
            if (id != null) {
                return id.equals(owner) ? EntityClass.SAME_ACCOUNT : gcpProject(id);
            }
        }
        return EntityClass.UNKNOWN;
    }

    /** Whether {@code domain} is a declared trusted domain or a subdomain of one (label boundaries only). */
    public boolean trustedDomain(String domain) {
        if (domain == null || domain.isBlank()) {
            return false;
        }
        String d = domain.strip().toLowerCase(java.util.Locale.ROOT);
        for (String t : trustedDomains) {
            if (d.equals(t) || d.endsWith("." + t)) {
                return true;
            }
        }
        return false;
    }


    public EntityClass principal(String principal) {
        if (principal == null || principal.isBlank()) {
            return EntityClass.UNKNOWN;
        }
        String p = principal.trim();
        if ("*".equals(p)) {
            return EntityClass.INTERNET;
        }
        if (p.endsWith(".amazonaws.com") || p.endsWith(".amazonaws.com.cn")) {
            return EntityClass.SERVICE;
        }
        String accountId = null;
        if (ACCOUNT_ID.matcher(p).matches()) {
            accountId = p;
        } else {
            Matcher m = ARN_ACCOUNT.matcher(p);
            if (m.matches()) {
                accountId = m.group(1);
            }
        }
        return account(accountId);
    }

    private EntityClass account(String accountId) {
        if (accountId == null) {
            return EntityClass.UNKNOWN;
        }
        if (accountId.equals(owner)) {
            return EntityClass.SAME_ACCOUNT;
        }
        Account account = known.get(accountId);
        if (account == null) {
            return EntityClass.UNKNOWN;
        }
        return account.thirdParty() ? EntityClass.THIRD_PARTY : EntityClass.FRIENDLY;
    }

    /** A CIDR, or a security-group reference {@code account/sg-id} or {@code sg-id}. */
    public EntityClass network(String source) {
        if (source == null || source.isBlank()) {
            return EntityClass.UNKNOWN;
        }
        String s = source.trim();
        if (s.startsWith("sg-")) {
            return EntityClass.SAME_ACCOUNT;
        }
        int slash = s.indexOf('/');
        if (slash == 12 && ACCOUNT_ID.matcher(s.substring(0, 12)).matches()) {
            return account(s.substring(0, 12));
        }
        if (s.startsWith("pl-")) {
            return EntityClass.FRIENDLY;
        }
        Cidr cidr;
        try {
            cidr = Cidr.parse(s);
        } catch (IllegalArgumentException e) {
            return EntityClass.UNKNOWN;
        }
        if (cidr.prefix() == 0) {
            return EntityClass.INTERNET;
        }
        for (Cidr trusted : trustedNetworks.values()) {
            if (trusted.contains(cidr)) {
                return EntityClass.FRIENDLY;
            }
        }
        for (Cidr p : PRIVATE) {
            if (p.contains(cidr)) {
                return EntityClass.SAME_ACCOUNT;
            }
        }
        return EntityClass.UNKNOWN;
    }

    /** An IPv4 or IPv6 network. */
    record Cidr(byte[] address, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            try {
                // literals only: InetAddress must never resolve a name (no DNS from attacker-controlled text)
                if (!parts[0].matches("\\d{1,3}(\\.\\d{1,3}){3}") && !parts[0].matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
                    throw new IllegalArgumentException("not an address: " + text);
                }
                byte[] address = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 1 ? address.length * 8 : Integer.parseInt(parts[1]);
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException("bad prefix: " + text);
                }
                return new Cidr(address, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR: " + text, e);
            }
        }

        /** Whether every address of {@code other} is inside this network. */
        boolean contains(Cidr other) {
            if (other.address.length != address.length || other.prefix < prefix) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int i = bit / 8;
                int mask = 0x80 >> (bit % 8);
                if ((address[i] & mask) != (other.address[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
