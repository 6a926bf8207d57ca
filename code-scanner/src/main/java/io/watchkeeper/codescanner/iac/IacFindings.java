package io.watchkeeper.codescanner.iac;

import io.watchkeeper.codescanner.finding.Finding;
import io.watchkeeper.codescanner.finding.IacDetail;
import io.watchkeeper.core.secrets.SecretHasher;
import io.watchkeeper.codescanner.finding.Verification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IaC hits as code-scanning findings (family {@code iac}): the check's id, title and severity, the
 * declaration's lines, and a fingerprint of check + hash of (resource address, evidence key) + path,
 * never the line, so a finding keeps its identity across rebases and edits elsewhere in the file.
 * The same fingerprint twice (history: the same declaration in a later blob) is reported once, at
 * its first commit.
 */
public final class IacFindings {

    public static final String FAMILY = "iac";
    private static final int MAX_UNKNOWN_NOTED = 5;

    private IacFindings() {}

    public static List<Finding> of(IacAnalyzer.Analysis analysis) {
        Map<String, Finding> byFingerprint = new LinkedHashMap<>();
        Map<String, Integer> orderOf = new LinkedHashMap<>();
        for (IacAnalyzer.Hit h : analysis.hits()) {
            IacResource at = h.at();
            String subject = sha256(h.planned().origin().address() + "\0" + h.evidence().key());
            String fingerprint = SecretHasher.fingerprint(h.check().id().id(), subject, at.path());
            int order = h.file() == null ? 0 : h.file().order();
            Integer earlier = orderOf.get(fingerprint);
            if (earlier != null && earlier <= order) {
                continue;
            }
            orderOf.put(fingerprint, order);
            IacDetail.Live live = h.live() == null ? null : new IacDetail.Live(h.live().item().itemId(), h.live().item().accountName(),
                    h.live().item().accountId(), h.live().item().resourceId(), h.live().today(), h.live().context());
            List<String> unknown = h.planned().unknown();
            String note = unknown.isEmpty() ? null : "known only at apply (judged as benign): "
                    + String.join(", ", unknown.subList(0, Math.min(MAX_UNKNOWN_NOTED, unknown.size())))
                    + (unknown.size() > MAX_UNKNOWN_NOTED ? " and " + (unknown.size() - MAX_UNKNOWN_NOTED) + " more" : "");
            IacDetail detail = new IacDetail(h.planned().type(), h.planned().origin().address(), at.type(), at.source(),
                    h.planned().name(), h.evidence().key(), h.evidence().message(), h.evidence().exposure().name().toLowerCase(java.util.Locale.ROOT),
                    h.check().controls(), unknown, live);
            byFingerprint.put(fingerprint, new Finding(h.check().id().id(), FAMILY, h.check().title(), h.check().severity(), at.path(),
                    at.line(), Math.max(at.line(), at.endLine()), null, null, fingerprint, FAMILY, note,
                    h.file() == null ? null : h.file().commit(), Verification.NOT_CHECKED, null, detail));
        }
        for (IacAnalyzer.KubernetesHit k : analysis.kubernetes()) {
            var p = k.problem();
            String fingerprint = SecretHasher.fingerprint(p.rule(), sha256(p.address() + "\0" + p.evidenceKey()), k.file().path());
            Integer earlier = orderOf.get(fingerprint);
            if (earlier != null && earlier <= k.file().order()) {
                continue;
            }
            orderOf.put(fingerprint, k.file().order());
            IacDetail detail = new IacDetail("k8s." + p.kind().toLowerCase(java.util.Locale.ROOT), p.address(), p.kind(),
                    "kubernetes", p.name(), p.evidenceKey(), p.message(), "cluster", List.of(), List.of(), null);
            byFingerprint.put(fingerprint, new Finding(p.rule(), FAMILY, p.title(), p.severity(), k.file().path(), p.line(),
                    p.endLine(), null, null, fingerprint, FAMILY, null, k.file().commit(), Verification.NOT_CHECKED, null, detail));
        }
        return new ArrayList<>(byFingerprint.values());
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
