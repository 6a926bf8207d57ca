package io.watchkeeper.certmanager.ca;

import io.watchkeeper.certmanager.x509.IpAddresses;
import io.watchkeeper.core.cert.AuthorityPolicy;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.DnsNames;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.model.InvalidInputException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An authority's limits applied to one request: names, wildcards, IP addresses, key type, validity. */
public final class NamePolicy {

    /** The names a certificate will carry once the policy accepted them. */
    public record CheckedNames(String commonName, List<String> dnsNames, List<InetAddress> ipAddresses) {}

    private NamePolicy() {}

    /**
     * The names of {@code request} (its common name counted as a DNS name or IP address and added to
     * the SANs) if {@code policy} allows every one of them; else an {@link InvalidInputException}
     * naming the first refused name.
     */
    public static CheckedNames check(AuthorityPolicy policy, CertificateRequest request) {
        Set<String> dns = new LinkedHashSet<>();
        Set<InetAddress> ips = new LinkedHashSet<>();
        String cn = request.commonName();
        if (cn != null) {
            if (IpAddresses.looksLikeIp(cn)) {
                ips.add(IpAddresses.parse(cn));
            } else {
                try {
                    dns.add(DnsNames.normalize(cn));
                } catch (InvalidInputException e) {
                    throw new InvalidInputException("the common name must be a DNS name or an IP address: "
                            + e.getMessage());
                }
            }
        }
        dns.addAll(request.dnsNames());
        for (String ip : request.ipAddresses()) {
            ips.add(IpAddresses.parse(ip));
        }
        for (String name : dns) {
            checkDns(policy, name);
        }
        if (!ips.isEmpty() && !policy.ipAddressesAllowed()) {
            throw new InvalidInputException("this authority does not certify IP addresses ("
                    + ips.iterator().next().getHostAddress() + ")");
        }
        return new CheckedNames(cn == null ? null : (IpAddresses.looksLikeIp(cn) ? cn : DnsNames.normalize(cn)),
                List.copyOf(dns), List.copyOf(new ArrayList<>(ips)));
    }

    private static void checkDns(AuthorityPolicy policy, String name) {
        boolean wildcard = DnsNames.isWildcard(name);
        if (wildcard && !policy.wildcardsAllowed()) {
            throw new InvalidInputException("wildcard names are not allowed by this authority ('" + name + "')");
        }
        if (policy.allowedDomains().isEmpty()) {
            return;
        }
        String base = wildcard ? name.substring(2) : name;
        // *.example.com covers the names one level below example.com: allowed when example.com is
        boolean allowed = policy.allowedDomains().stream().anyMatch(domain -> DnsNames.within(base, domain));
        if (!allowed) {
            throw new InvalidInputException("'" + name + "' is outside the domains this authority may certify ("
                    + String.join(", ", policy.allowedDomains()) + ")");
        }
    }

    /** Throws unless the policy allows keys of {@code type}. */
    public static void checkKeyType(AuthorityPolicy policy, KeyType type) {
        if (!policy.allowsKeyType(type)) {
            throw new InvalidInputException("key type " + type + " is not allowed by this authority (allowed: "
                    + policy.keyTypesText() + ")");
        }
    }

    /** The lifetime to issue: the request's or the policy default, at most the policy maximum. */
    public static Duration validity(AuthorityPolicy policy, Duration requested) {
        Duration validity = requested == null ? policy.defaultValidity() : requested;
        if (validity.compareTo(policy.maxValidity()) > 0) {
            throw new InvalidInputException("validity of " + describe(validity) + " exceeds this authority's maximum of "
                    + describe(policy.maxValidity()));
        }
        return validity;
    }

    static String describe(Duration d) {
        return d.toDays() >= 1 && d.toHours() % 24 == 0 ? d.toDays() + " days" : d.toMinutes() + " minutes";
    }
}
