package io.watchkeeper.auditors.policy.network;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A set of IPv4 and IPv6 addresses as sorted, disjoint ranges, so rule lists can be compared as
 * sets: does a union of CIDRs cover the internet, what is left of a rule after the rules before it.
 * CIDR text comes from the cloud: it is parsed as a literal only (never resolved), and anything
 * else is refused ({@link #cidr} returns empty).
 */
public final class IpSet {

    /** Address family. */
    public enum Family {
        IPV4(32),
        IPV6(128);

        final int bits;

        Family(int bits) {
            this.bits = bits;
        }
    }

    private record Range(Family family, BigInteger low, BigInteger high) {}

    private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final Comparator<Range> ORDER = Comparator.comparing(Range::family).thenComparing(Range::low);

    public static final IpSet EMPTY = new IpSet(List.of());
    public static final IpSet ALL_IPV4 = cidr("0.0.0.0/0").orElseThrow();
    public static final IpSet ALL_IPV6 = cidr("::/0").orElseThrow();
    public static final IpSet ALL = ALL_IPV4.union(ALL_IPV6);

    /**
     * Every IPv4 address routed on the internet: everything but "this network", private, shared,
     * loopback, link-local, IETF protocol, documentation, benchmarking, multicast and reserved ranges.
     */
    public static final IpSet PUBLIC_IPV4 = ALL_IPV4.minus(of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4"));
    /** Global unicast IPv6 (2000::/3), the part of IPv6 the internet routes. */
    public static final IpSet PUBLIC_IPV6 = cidr("2000::/3").orElseThrow();

    private final List<Range> ranges;

    private IpSet(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** One CIDR (or a single address), or empty when the text is not a literal IPv4/IPv6 network. */
    public static Optional<IpSet> cidr(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        String[] parts = t.split("/", -1);
        if (parts.length > 2 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] address;
            if (V4.matcher(parts[0]).matches()) {
                address = v4(parts[0]);
            } else if (V6.matcher(parts[0]).matches() && parts[0].length() <= 45) {
                address = java.net.InetAddress.getByName(parts[0].toLowerCase(Locale.ROOT)).getAddress();
            } else {
                return Optional.empty();
            }
            if (address == null) {
                return Optional.empty();
            }
            Family family = address.length == 4 ? Family.IPV4 : Family.IPV6;
            int prefix = parts.length == 1 ? family.bits : Integer.parseInt(parts[1]);
            if (prefix < 0 || prefix > family.bits || parts.length == 2 && (parts[1].isEmpty() || parts[1].length() > 3)) {
                return Optional.empty();
            }
            BigInteger value = new BigInteger(1, address);
            BigInteger hostMask = BigInteger.ONE.shiftLeft(family.bits - prefix).subtract(BigInteger.ONE);
            BigInteger low = value.andNot(hostMask);
            return Optional.of(new IpSet(List.of(new Range(family, low, low.or(hostMask)))));
        } catch (java.net.UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static byte[] v4(String text) {
        String[] octets = text.split("\\.");
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            int o = Integer.parseInt(octets[i]);
            if (o > 255) {
                return null;
            }
            out[i] = (byte) o;
        }
        return out;
    }

    /** The union of these CIDRs; texts that are not CIDRs are left out. */
    public static IpSet of(String... cidrs) {
        return of(List.of(cidrs));
    }

    /** The union of these CIDRs; texts that are not CIDRs are left out. */
    public static IpSet of(List<String> cidrs) {
        List<Range> all = new ArrayList<>();
        for (String c : cidrs) {
            cidr(c).ifPresent(s -> all.addAll(s.ranges));
        }
        return normalised(all);
    }

    private static IpSet normalised(List<Range> input) {
        if (input.isEmpty()) {
            return EMPTY;
        }
        List<Range> sorted = new ArrayList<>(input);
        sorted.sort(ORDER);
        List<Range> out = new ArrayList<>();
        Range current = sorted.getFirst();
        for (int i = 1; i < sorted.size(); i++) {
            Range next = sorted.get(i);
            if (next.family() == current.family() && next.low().compareTo(current.high().add(BigInteger.ONE)) <= 0) {
                current = new Range(current.family(), current.low(), current.high().max(next.high()));
            } else {
                out.add(current);
                current = next;
            }
        }
        out.add(current);
        return new IpSet(List.copyOf(out));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public IpSet union(IpSet other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        List<Range> all = new ArrayList<>(ranges);
        all.addAll(other.ranges);
        return normalised(all);
    }

    /** The addresses of this set that are not in {@code other}. */
    public IpSet minus(IpSet other) {
        if (isEmpty() || other.isEmpty()) {
            return this;
        }
        List<Range> out = new ArrayList<>();
        for (Range r : ranges) {
            BigInteger low = r.low();
            for (Range o : other.ranges) {
                if (o.family() != r.family() || o.high().compareTo(low) < 0) {
                    continue;
                }
                if (o.low().compareTo(r.high()) > 0) {
                    break;
                }
                if (o.low().compareTo(low) > 0) {
                    out.add(new Range(r.family(), low, o.low().subtract(BigInteger.ONE)));
                }
                low = o.high().add(BigInteger.ONE);
                if (low.compareTo(r.high()) > 0) {
                    break;
                }
            }
            if (low.compareTo(r.high()) <= 0) {
                out.add(new Range(r.family(), low, r.high()));
            }
        }
        return new IpSet(List.copyOf(out));
    }

    public IpSet intersect(IpSet other) {
        return minus(minus(other));
    }

    /** Whether every address of {@code other} is in this set. */
    public boolean containsAll(IpSet other) {
        return other.minus(this).isEmpty();
    }

    /** Whether the address (a literal) is in this set. */
    public boolean contains(String address) {
        return cidr(address).map(this::containsAll).orElse(false);
    }

    /** The families whose whole public internet this set covers (empty: it covers neither). */
    public List<Family> internetFamilies() {
        List<Family> out = new ArrayList<>(2);
        if (containsAll(PUBLIC_IPV4)) {
            out.add(Family.IPV4);
        }
        if (containsAll(PUBLIC_IPV6)) {
            out.add(Family.IPV6);
        }
        return out;
    }

    /** How many addresses of {@code family} the set holds (a double: IPv6 counts overflow a long). */
    public double size(Family family) {
        double total = 0;
        for (Range r : ranges) {
            if (r.family() == family) {
                total += r.high().subtract(r.low()).add(BigInteger.ONE).doubleValue();
            }
        }
        return total;
    }

    /** Whether the set covers the whole public IPv4 or IPv6 internet. */
    public boolean coversInternet() {
        return containsAll(PUBLIC_IPV4) || containsAll(PUBLIC_IPV6);
    }

    /** Whether the set holds any public internet address. */
    public boolean touchesInternet() {
        return !intersect(PUBLIC_IPV4.union(PUBLIC_IPV6)).isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpSet other && ranges.equals(other.ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }

    @Override
    public String toString() {
        return ranges.stream().map(r -> r.family() + "[" + r.low().toString(16) + "-" + r.high().toString(16) + "]")
                .toList().toString();
    }
}
