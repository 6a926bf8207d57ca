package io.watchkeeper.auditors.gcp;

import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Severity;
import java.util.List;

/**
 * The descriptive half of a GCP check (id, texts, severity, controls) as constructor data, so each
 * check class holds only its decision.
 *
 * @param <C> the configuration record the check reads
 */
public abstract class GcpCheck<C extends Record> implements Check<C> {

    /** The control prefix of CIS Google Cloud Platform Foundation Benchmark v3.0.0. */
    public static final String CIS = "CIS-GCP-3.0:";

    private final CheckId id;
    private final Class<C> configType;
    private final Severity severity;
    private final String title;
    private final String rationale;
    private final String remediation;
    private final List<String> controls;

    protected GcpCheck(String id, Class<C> configType, Severity severity, String title, String rationale,
                       String remediation, String... cisIds) {
        this.id = CheckId.of(id);
        this.configType = configType;
        this.severity = severity;
        this.title = title;
        this.rationale = rationale;
        this.remediation = remediation;
        this.controls = java.util.Arrays.stream(cisIds).map(c -> CIS + c).toList();
    }

    @Override public final CheckId id() { return id; }
    @Override public final Class<C> configType() { return configType; }
    @Override public final Severity severity() { return severity; }
    @Override public final String title() { return title; }
    @Override public final String rationale() { return rationale; }
    @Override public final String remediation() { return remediation; }
    @Override public final List<String> controls() { return controls; }
}
