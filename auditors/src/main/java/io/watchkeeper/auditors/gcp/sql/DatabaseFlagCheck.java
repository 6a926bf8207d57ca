package io.watchkeeper.auditors.gcp.sql;

import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpSqlInstanceConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.List;
import java.util.Map;

/** A Cloud SQL database flag that a CIS 6.x recommendation wants set a certain way, on instances of its engine. */
public final class DatabaseFlagCheck implements Check<GcpSqlInstanceConfig> {

    private final DatabaseFlag flag;

    DatabaseFlagCheck(DatabaseFlag flag) {
        this.flag = flag;
    }

    @Override public CheckId id() { return CheckId.of("gcp.sql.instance/" + flag.slug()); }
    @Override public String name() {
        StringBuilder out = new StringBuilder("GcpSqlInstance");
        for (String part : flag.slug().split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
    @Override public Class<GcpSqlInstanceConfig> configType() { return GcpSqlInstanceConfig.class; }
    @Override public Severity severity() { return Severity.LOW; }
    @Override public String title() {
        return "Cloud SQL " + engineName() + " flag '" + flag.flag() + "' is not " + flag.wanted();
    }
    @Override public String rationale() {
        return "CIS " + flag.cis() + ": the flag hardens the " + engineName() + " engine or records what happens on it;"
                + " its default (or current value) leaves that undone.";
    }
    @Override public String remediation() {
        return "gcloud sql instances patch INSTANCE --database-flags=… with '" + flag.flag() + "' " + flag.wanted()
                + " (patching replaces the whole flag list: include the existing flags).";
    }
    @Override public List<String> controls() { return List.of(GcpCheck.CIS + flag.cis()); }

    private String engineName() {
        return switch (flag.engine()) {
            case "MYSQL" -> "MySQL";
            case "POSTGRES" -> "PostgreSQL";
            default -> "SQL Server";
        };
    }

    @Override
    public List<Evidence> evaluate(GcpSqlInstanceConfig sql, AuditContext context) {
        if (sql.databaseVersion() == null || !sql.databaseVersion().startsWith(flag.engine())) {
            return List.of();
        }
        Map<String, String> flags = sql.databaseFlags() == null ? Map.of() : sql.databaseFlags();
        String value = flags.get(flag.flag());
        if (!flag.fails(value)) {
            return List.of();
        }
        return List.of(Members.evidence("flag:" + flag.flag(), "'" + flag.flag() + "' is " + (value == null ? "unset" : value)
                + ", CIS wants " + flag.wanted(), Exposure.INTERNAL,
                Json.object().put("flag", flag.flag()).put("value", value)));
    }
}
