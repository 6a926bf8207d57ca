package io.watchkeeper.web.code;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suggestion blocks for IaC findings whose fix is one deterministic attribute change ({@code acl =
 * "public-read"} to {@code acl = "private"}, {@code storage_encrypted = false} to {@code true}, the
 * same in CloudFormation YAML). A suggestion is made only when exactly one line of the declaration has
 * the insecure value and that line is one the pull request adds, so applying it on GitHub changes
 * just that line; the replacement keeps the line's indentation, spacing and trailing comment (never
 * a backtick, which could close the block).
 */
final class IacSuggestions {

    /** Replace line {@code line} (1-based) of the file with {@code replacement}. */
    record Suggestion(int line, String replacement) {}

    private record Fix(String ruleId, Pattern bad, String replacement) {}

    private static final String TAIL = "(\\s*(?:(?:#|//)[^`\\p{Cntrl}]*)?)$";

    private static Fix tf(String ruleId, String attribute, String badValue, String good) {
        return new Fix(ruleId, Pattern.compile("^([ \\t]*)(" + attribute + ")([ \\t]*=[ \\t]*)(?:" + badValue + ")" + TAIL),
                "$1$2$3" + good.replace("$", "\\$") + "$4");
    }

    private static Fix cfn(String ruleId, String property, String badValue, String good) {
        return new Fix(ruleId, Pattern.compile("^([ \\t]*(?:- )?)(" + property + ")([ \\t]*:[ \\t]*)(?:" + badValue + ")"
                + "(\\s*(?:#[^`\\p{Cntrl}]*)?)$"), "$1$2$3" + good + "$4");
    }

    private static final String FALSE = "false|\"false\"";
    private static final String TRUE = "true|\"true\"";
    private static final String CFN_FALSE = "false|'false'|\"false\"|False";
    private static final String CFN_TRUE = "true|'true'|\"true\"|True";

    private static final List<Fix> FIXES = List.of(
            tf("aws.s3.bucket/public-acl", "acl", "\"(?:public-read|public-read-write|authenticated-read)\"", "\"private\""),
            cfn("aws.s3.bucket/public-acl", "AccessControl", "PublicRead|PublicReadWrite|AuthenticatedRead", "Private"),
            tf("aws.rds.instance/unencrypted", "storage_encrypted", FALSE, "true"),
            cfn("aws.rds.instance/unencrypted", "StorageEncrypted", CFN_FALSE, "true"),
            tf("aws.rds.instance/public", "publicly_accessible", TRUE, "false"),
            cfn("aws.rds.instance/public", "PubliclyAccessible", CFN_TRUE, "false"),
            tf("aws.rds.instance/no-deletion-protection", "deletion_protection", FALSE, "true"),
            cfn("aws.rds.instance/no-deletion-protection", "DeletionProtection", CFN_FALSE, "true"),
            tf("aws.rds.instance/iam-auth-off", "iam_database_authentication_enabled", FALSE, "true"),
            cfn("aws.rds.instance/iam-auth-off", "EnableIAMDatabaseAuthentication", CFN_FALSE, "true"),
            tf("aws.rds.instance/multi-az-off", "multi_az", FALSE, "true"),
            cfn("aws.rds.instance/multi-az-off", "MultiAZ", CFN_FALSE, "true"),
            tf("aws.kms.key/rotation-disabled", "enable_key_rotation", FALSE, "true"),
            cfn("aws.kms.key/rotation-disabled", "EnableKeyRotation", CFN_FALSE, "true"),
            tf("aws.cloudtrail.trail/log-validation-off", "enable_log_file_validation", FALSE, "true"),
            cfn("aws.cloudtrail.trail/log-validation-off", "EnableLogFileValidation", CFN_FALSE, "true"),
            tf("aws.cloudtrail.trail/not-multi-region", "is_multi_region_trail", FALSE, "true"),
            cfn("aws.cloudtrail.trail/not-multi-region", "IsMultiRegionTrail", CFN_FALSE, "true"),
            tf("aws.cloudtrail.trail/not-logging", "enable_logging", FALSE, "true"),
            cfn("aws.cloudtrail.trail/not-logging", "IsLogging", CFN_FALSE, "true"),
            tf("aws.sqs.queue/unencrypted", "sqs_managed_sse_enabled", FALSE, "true"),
            cfn("aws.sqs.queue/unencrypted", "SqsManagedSseEnabled", CFN_FALSE, "true"),
            tf("aws.s3.bucket/block-public-access-off",
                    "block_public_acls|block_public_policy|ignore_public_acls|restrict_public_buckets", FALSE, "true"));

    private IacSuggestions() {}

    /**
     * The suggestion for a finding of {@code ruleId} on lines {@code start..end} of {@code lines} (the
     * file at the head), or null.
     *
     * @param added whether a (1-based) line is one the pull request adds
     */
    static Suggestion suggest(String ruleId, List<String> lines, int start, int end, java.util.function.IntPredicate added) {
        Suggestion found = null;
        for (Fix fix : FIXES) {
            if (!fix.ruleId().equals(ruleId)) {
                continue;
            }
            for (int n = Math.max(1, start); n <= Math.min(end, lines.size()); n++) {
                Matcher m = fix.bad().matcher(lines.get(n - 1));
                if (m.matches()) {
                    if (found != null) {
                        return null; // two insecure lines: one suggestion would fix half
                    }
                    found = new Suggestion(n, m.replaceFirst(fix.replacement()));
                }
            }
        }
        return found != null && added.test(found.line()) ? found : null;
    }
}
