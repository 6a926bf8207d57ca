package io.watchkeeper.web.code;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suggestion blocks for IaC findings whose fix is a deterministic attribute change ({@code acl =
 * "public-read"} to {@code acl = "private"}, {@code storage_encrypted = false} to {@code true}, the
 * same in CloudFormation YAML). Each insecure line of the declaration is fixed; when there are several
 * (the four switches of an S3 public access block) one block covers the lines from the first to the last
 * (GitHub's multi-line comment, {@code start_line} to {@code line}; lines between them are kept as they
 * are), at most {@value #MAX_RANGE} lines. A suggestion is made only when every line it replaces is one
 * the pull request adds, so applying it on GitHub changes just those lines; the replacement keeps each
 * line's indentation, spacing and trailing comment, and a range holding a backtick (which could close
 * the block) gets no suggestion.
 */
final class IacSuggestions {

    /**
     * Replace lines {@code startLine..line} (1-based, inclusive) of the file with {@code replacement}
     * (one line per replaced line, joined by newlines); {@code startLine == line} for one line.
     */
    record Suggestion(int startLine, int line, String replacement) {}

    /** Longest range one suggestion replaces. */
    static final int MAX_RANGE = 20;

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
        int first = 0;
        int last = 0;
        java.util.Map<Integer, String> fixed = new java.util.HashMap<>();
        for (int n = Math.max(1, start); n <= Math.min(end, lines.size()); n++) {
            for (Fix fix : FIXES) {
                if (!fix.ruleId().equals(ruleId)) {
                    continue;
                }
                Matcher m = fix.bad().matcher(lines.get(n - 1));
                if (m.matches()) {
                    fixed.put(n, m.replaceFirst(fix.replacement()));
                    first = first == 0 ? n : first;
                    last = n;
                    break;
                }
            }
        }
        if (first == 0 || last - first + 1 > MAX_RANGE) {
            return null;
        }
        StringBuilder replacement = new StringBuilder();
        for (int n = first; n <= last; n++) {
            String line = fixed.getOrDefault(n, lines.get(n - 1));
            if (!added.test(n) || line.indexOf('`') >= 0 || line.indexOf('\r') >= 0) {
                return null; // a line the pull request does not add, or one the block could not hold
            }
            replacement.append(n == first ? "" : "\n").append(line);
        }
        return new Suggestion(first, last, replacement.toString());
    }
}
