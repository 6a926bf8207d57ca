package io.watchkeeper.web.cli;

import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.CertificateEvent;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.StoredCertificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** JSON views of authorities and certificates for {@code --format json} (output shapes; never a private key). */
final class CertOutput {

    private CertOutput() {}

    static Map<String, Object> authority(Authority a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("kind", a.kind().name().toLowerCase());
        m.put("root", a.root());
        m.put("parentId", a.parentId());
        m.put("imported", a.imported());
        m.put("subject", a.metadata().subject());
        m.put("serial", a.metadata().serial());
        m.put("sha256Fingerprint", a.metadata().sha256Fingerprint());
        m.put("key", a.metadata().keyAlgorithm() + " " + a.metadata().keyBits());
        m.put("notBefore", a.metadata().notBefore().toString());
        m.put("notAfter", a.metadata().notAfter().toString());
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("maxValidity", a.policy().maxValidity().toString());
        policy.put("defaultValidity", a.policy().defaultValidity().toString());
        policy.put("allowedDomains", a.policy().allowedDomains());
        policy.put("wildcardsAllowed", a.policy().wildcardsAllowed());
        policy.put("ipAddressesAllowed", a.policy().ipAddressesAllowed());
        policy.put("allowedKeyTypes", a.policy().allowedKeyTypes().stream().map(KeyType::id).sorted().toList());
        policy.put("crlUrl", a.policy().crlUrl());
        m.put("policy", policy);
        m.put("crlNumber", a.crlNumber());
        m.put("accountIds", a.accountIds().stream().sorted().toList());
        return m;
    }

    static Map<String, Object> certificate(StoredCertificate c, Map<Long, String> authorityNames) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("status", c.statusAt(Instant.now()).name().toLowerCase());
        m.put("commonName", c.metadata().commonName());
        m.put("dnsNames", c.metadata().dnsNames());
        m.put("ipAddresses", c.metadata().ipAddresses());
        m.put("serial", c.metadata().serial());
        m.put("issuer", c.metadata().issuer());
        m.put("subject", c.metadata().subject());
        m.put("notBefore", c.metadata().notBefore().toString());
        m.put("notAfter", c.metadata().notAfter().toString());
        m.put("keyAlgorithm", c.metadata().keyAlgorithm());
        m.put("keyBits", c.metadata().keyBits());
        m.put("signatureAlgorithm", c.metadata().signatureAlgorithm());
        m.put("sha256Fingerprint", c.metadata().sha256Fingerprint());
        m.put("chainLength", c.chainPem().size());
        m.put("account", c.ownership().account());
        m.put("owner", c.ownership().user());
        m.put("team", c.ownership().team());
        if (c.ownership().note() != null) {
            m.put("ownerNote", c.ownership().note());
        }
        m.put("authority", c.authorityId() == null ? null : authorityNames.getOrDefault(c.authorityId(), "#" + c.authorityId()));
        m.put("source", c.source().name().toLowerCase());
        m.put("privateKeyHeld", c.hasPrivateKey());
        m.put("replaces", c.replacesId());
        m.put("replacedBy", c.replacedById());
        if (c.revocation() != null) {
            m.put("revokedAt", c.revocation().at().toString());
            m.put("revocationReason", c.revocation().reason().id());
            m.put("revokedBy", c.revocation().by());
        }
        m.put("createdBy", c.createdBy());
        m.put("createdAt", c.createdAt() == null ? null : c.createdAt().toString());
        return m;
    }

    static Map<Long, String> authorityNames(Cli cli) {
        return cli.bean(io.watchkeeper.web.cert.AuthorityAdmin.class).list(cli.caller()).stream()
                .collect(Collectors.toMap(Authority::id, Authority::name));
    }

    static List<Map<String, Object>> deployments(List<io.watchkeeper.core.cert.CertificateDeployment> deployments) {
        return deployments.stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id());
            m.put("kind", d.kind());
            m.put("target", d.target());
            m.put("handle", d.handle());
            m.put("probe", d.probe());
            m.put("status", d.status());
            m.put("detail", d.detail());
            return m;
        }).collect(Collectors.toList());
    }

    static Map<String, Object> summary(StoredCertificate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("replaces", c.replacesId());
        m.put("serial", c.metadata().serial());
        m.put("dnsNames", c.metadata().dnsNames());
        m.put("notAfter", c.metadata().notAfter().toString());
        m.put("owner", c.ownerLabel());
        return m;
    }

    static void print(Cli cli, CertOptions.Format format, Object json, String line) {
        cli.out().println(format.json() ? io.watchkeeper.core.json.Json.pretty(json) : line);
    }

    static List<Map<String, Object>> events(List<CertificateEvent> events) {
        return events.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", e.at().toString());
            m.put("event", e.event());
            m.put("actor", e.actor());
            m.put("details", e.details());
            return m;
        }).collect(Collectors.toList());
    }

    static String names(StoredCertificate c) {
        List<String> all = new java.util.ArrayList<>(c.metadata().dnsNames());
        all.addAll(c.metadata().ipAddresses());
        return all.isEmpty() ? String.valueOf(c.metadata().commonName()) : String.join(",", all);
    }
}
