package io.watchkeeper.certmanager.acme;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The name resolution of every ACME connection (SSRF and DNS rebinding): the ACME transport asks
 * this resolver for the addresses to connect to at the moment it opens each connection — to the
 * directory and to every URL the directory and the CA hand out (newNonce, newAccount, newOrder,
 * finalize, certificate, redirects) — and connects only to the addresses returned, so a name that
 * answered with a public address at registration and an internal one later is refused then.
 * Loopback, private (RFC 1918), link-local (cloud metadata), unique-local, carrier-grade NAT,
 * multicast and unspecified addresses are refused unless the authority allows internal addresses.
 */
public final class AcmeAddressGuard implements DnsResolver {

    /** Name resolution (the seam tests use to answer differently on each lookup). */
    @FunctionalInterface
    public interface Lookup {
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    /**
     * How ACME connections find their peers: the lookup, and where a checked address is connected
     * (the identity in production; tests map a public test address onto a loopback server).
     */
    public record Network(Lookup lookup, UnaryOperator<InetSocketAddress> route) {
        public static final Network SYSTEM = new Network(InetAddress::getAllByName, UnaryOperator.identity());

        public Network {
            Objects.requireNonNull(lookup, "lookup");
            Objects.requireNonNull(route, "route");
        }

        public AcmeAddressGuard guard(boolean allowInternal) {
            return new AcmeAddressGuard(this, allowInternal);
        }
    }

    /** A connection refused because its name resolved to an internal address. */
    public static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String message) {
            super(message);
        }
    }

    private final Network network;
    private final boolean allowInternal;

    private AcmeAddressGuard(Network network, boolean allowInternal) {
        this.network = network;
        this.allowInternal = allowInternal;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = network.lookup().lookup(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        if (!allowInternal) {
            for (InetAddress a : addresses) {
                if (internal(a)) {
                    throw new RefusedAddressException("ACME host " + host + " resolves to an internal address ("
                            + a.getHostAddress() + "); allow internal addresses for this authority if that is intended");
                }
            }
        }
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> out = new ArrayList<>();
        for (InetAddress a : resolve(host)) {
            out.add(network.route().apply(new InetSocketAddress(a, port)));
        }
        return out;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    /** The refusal somewhere in {@code error}'s causes, if a connection was refused for its address. */
    public static Optional<String> refusal(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RefusedAddressException r) {
                return Optional.of(r.getMessage());
            }
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64   // 100.64.0.0/10 carrier-grade NAT
                || (b[0] & 0xff) == 0;                        // 0.0.0.0/8
    }
}
