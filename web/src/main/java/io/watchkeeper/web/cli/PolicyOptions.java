package io.watchkeeper.web.cli;

import io.watchkeeper.core.cert.AuthorityPolicy;
import io.watchkeeper.core.cert.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** An authority's limits as command-line options (shared by {@code authorities create} and {@code import}). */
final class PolicyOptions {

    @Option(names = "--max-validity", defaultValue = "90d", description = "longest certificate it issues (90d, 12h; default 90d)")
    String maxValidity;

    @Option(names = "--default-validity", description = "lifetime when a request names none (default: min(90d, max))")
    String defaultValidity;

    @Option(names = "--allow-domain", description = "domain it may certify, with its subdomains (repeatable)")
    List<String> domains = new ArrayList<>();

    @Option(names = "--allow-any-domain", description = "let it certify any domain (instead of --allow-domain)")
    boolean anyDomain;

    @Option(names = "--account", description = "account whose users may use it (repeatable; default: admins of every account only)")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--allow-wildcards", description = "allow *.domain names")
    boolean wildcards;

    @Option(names = "--allow-ip", description = "allow IP address SANs")
    boolean ipAddresses;

    @Option(names = "--allow-key-type", description = "leaf key type it accepts (repeatable; default all): ec-p256, ec-p384, rsa-2048, rsa-3072, rsa-4096")
    List<String> keyTypes = new ArrayList<>();

    @Option(names = "--crl-url", description = "CRL distribution point written into issued certificates (http/https)")
    String crlUrl;

    AuthorityPolicy toPolicy() {
        return new AuthorityPolicy(CertFiles.duration(maxValidity, "--max-validity"),
                CertFiles.duration(defaultValidity, "--default-validity"), domains, wildcards, ipAddresses,
                keyTypes.stream().map(KeyType::fromId).collect(Collectors.toSet()), crlUrl);
    }
}
