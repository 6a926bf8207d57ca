package io.watchkeeper.watchers.aws.iam;

import io.watchkeeper.core.config.aws.IamUserConfig.AccessKey;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * The account's IAM credential report: generated (or reused while AWS considers it fresh, up to
 * four hours), fetched and parsed into one row per user ARN. Columns are found by the header's
 * names; "N/A", "not_supported" and "no_information" mean absent. Anything else it cannot read
 * fails the whole report, so that no user is recorded with guessed credential state.
 */
final class IamCredentialReport {

    /** The row AWS adds for the account's root user, which is not an IAM user. */
    static final String ROOT = "<root_account>";

    private static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final Set<String> ABSENT = Set.of("", "n/a", "not_supported", "no_information");
    private static final List<String> REQUIRED = List.of("user", "arn", "password_enabled", "mfa_active");

    /** One user's row. */
    record Row(String user, String arn, Instant userCreationTime, boolean passwordEnabled, Instant passwordLastUsed,
               Instant passwordLastChanged, boolean mfaActive, List<AccessKey> accessKeys) {}

    /**
     * The root user's row: its password columns say {@code not_supported} except the last use.
     *
     * @param arn {@code arn:<partition>:iam::<account>:root}
     * @param creationTime when the account was created
     * @param passwordLastUsed last console sign-in, or null when never or unknown
     * @param mfaActive whether an MFA device (virtual or hardware) is enabled for the root user
     * @param accessKeys the root user's access keys by slot; empty when none
     * @param activeSigningCertificates how many X.509 signing certificates of the root user are active
     */
    record RootRow(String arn, Instant creationTime, Instant passwordLastUsed, boolean mfaActive,
                   List<AccessKey> accessKeys, int activeSigningCertificates) {}

    /** The whole report: users by ARN, and the root user's row (null when the report has none, as in moto). */
    record Report(Map<String, Row> users, RootRow root) {}

    private IamCredentialReport() {}

    /** Generates the report, waits (bounded) until it is complete, and returns its rows. */
    /**
     * The account's report, fetched once per session and shared by the user and root-account
     * watchers (two IAM calls per account instead of four).
     */
    static Report fetch(io.watchkeeper.aws.AwsSession aws) {
        return aws.shared("iam:credential-report", () -> fetch(aws.iam()));
    }

    static Report fetch(IamClient iam) {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        long pause = 250;
        ReportStateType state;
        while ((state = iam.generateCredentialReport().state()) != ReportStateType.COMPLETE) {
            if (System.nanoTime() + Duration.ofMillis(pause).toNanos() > deadline) {
                throw new WatchkeeperException(ErrorCategory.UNAVAILABLE,
                        "the IAM credential report was not complete after " + MAX_WAIT.toSeconds() + " s (" + state + ")");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WatchkeeperException(ErrorCategory.INTERNAL, "interrupted waiting for the credential report", e);
            }
            pause = Math.min(pause * 2, 2000);
        }
        return read(iam.getCredentialReport().content().asUtf8String());
    }

    /** Rows by user ARN, the root account's row left out. */
    static Map<String, Row> parse(String csv) {
        return read(csv).users();
    }

    /** The users' rows by ARN and the root user's row. */
    static Report read(String csv) {
        String[] lines = csv.replace("\uFEFF", "").split("\r?\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw invalid("it is empty");
        }
        List<String> header = fields(lines[0]).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                throw invalid("it has no column " + column);
            }
        }
        Map<String, Row> rows = new HashMap<>();
        RootRow root = null;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Map<String, String> values = values(header, fields(lines[i]), i + 1);
            List<AccessKey> keys = accessKeys(header, values);
            if (ROOT.equals(values.get("user"))) {
                int certificates = 0;
                for (int slot = 1; header.contains("cert_" + slot + "_active"); slot++) {
                    certificates += bool(values, "cert_" + slot + "_active") ? 1 : 0;
                }
                root = new RootRow(values.get("arn"), time(values, "user_creation_time"),
                        time(values, "password_last_used"), bool(values, "mfa_active"), keys, certificates);
                continue;
            }
            boolean password = bool(values, "password_enabled");
            rows.put(values.get("arn"), new Row(values.get("user"), values.get("arn"), time(values, "user_creation_time"),
                    password, password ? time(values, "password_last_used") : null,
                    password ? time(values, "password_last_changed") : null, bool(values, "mfa_active"), keys));
        }
        return new Report(rows, root);
    }

    /** The access-key slots that are active or were ever used, in slot order. */
    private static List<AccessKey> accessKeys(List<String> header, Map<String, String> values) {
        List<AccessKey> keys = new ArrayList<>();
        for (int slot = 1; header.contains("access_key_" + slot + "_active"); slot++) {
            String k = "access_key_" + slot + "_";
            boolean active = bool(values, k + "active");
            Instant rotated = time(values, k + "last_rotated");
            if (active || rotated != null) {
                keys.add(new AccessKey(slot, active, rotated, time(values, k + "last_used_date"),
                        text(values, k + "last_used_region"), text(values, k + "last_used_service")));
            }
        }
        return List.copyOf(keys);
    }

    /**
     * Values by column. User names and paths may contain commas, which AWS does not quote; such a
     * row has extra fields, all in its leading user and ARN, which are rejoined where the ARN ends
     * with the user name.
     */
    private static Map<String, String> values(List<String> header, List<String> fields, int line) {
        int extra = fields.size() - header.size();
        if (extra < 0 || (extra > 0 && !(header.get(0).equals("user") && header.get(1).equals("arn")))) {
            throw invalid("line " + line + " has " + fields.size() + " fields for " + header.size() + " columns");
        }
        List<String> aligned = new ArrayList<>(fields.subList(extra, fields.size()));
        if (extra > 0) {
            String lead = String.join(",", fields.subList(0, extra + 2));
            int split = -1;
            for (int at = lead.indexOf(",arn:"); at >= 0 && split < 0; at = lead.indexOf(",arn:", at + 1)) {
                if (lead.endsWith("/" + lead.substring(0, at))) {
                    split = at;
                }
            }
            if (split < 0) {
                throw invalid("line " + line + " has " + fields.size() + " fields for " + header.size() + " columns");
            }
            aligned.set(0, lead.substring(0, split));
            aligned.set(1, lead.substring(split + 1));
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), aligned.get(i).strip());
        }
        return values;
    }

    /** One line's fields; double-quoted fields (RFC 4180) are unquoted. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }

    private static boolean bool(Map<String, String> values, String column) {
        String v = values.get(column);
        if ("true".equalsIgnoreCase(v)) {
            return true;
        }
        if ("false".equalsIgnoreCase(v)) {
            return false;
        }
        throw invalid(column + " is '" + v + "' for " + values.get("arn"));
    }

    private static Instant time(Map<String, String> values, String column) {
        String v = text(values, column);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(column + " is '" + v + "' for " + values.get("arn"));
        }
    }

    private static String text(Map<String, String> values, String column) {
        String v = values.get(column);
        return v == null || ABSENT.contains(v.toLowerCase(Locale.ROOT)) ? null : v;
    }

    private static WatchkeeperException invalid(String why) {
        return new WatchkeeperException(ErrorCategory.INVALID_RESPONSE, "unreadable IAM credential report: " + why);
    }
}
