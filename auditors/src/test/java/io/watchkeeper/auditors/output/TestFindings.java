package io.watchkeeper.auditors.output;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Justification;
import io.watchkeeper.core.finding.ScoreBreakdown;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Findings for output and notification tests, many with hostile (cloud-controlled) values. */
public final class TestFindings {

    public static final String S3_PUBLIC = "aws.s3.bucket/public-acl";
    public static final String SG_ADMIN = "aws.ec2.security-group/admin-port-open";
    public static final String UNKNOWN_CHECK = "aws.s3.bucket/no-longer-exists";
    public static final String FORMULA = "=cmd|' /C calc'!A0";
    public static final String HOSTILE_MESSAGE = "ACL grants READ to \"AllUsers\", really\nsecond line <script>alert(1)</script> & more";
    public static final String UNICODE = "bücket-☃-名前-😀";
    public static final OffsetDateTime FIRST_SEEN = OffsetDateTime.of(2026, 11, 1, 8, 30, 0, 0, ZoneOffset.UTC);
    public static final OffsetDateTime CHANGED = OffsetDateTime.of(2026, 11, 20, 9, 0, 0, 0, ZoneOffset.UTC);

    private TestFindings() {}

    public static CheckCatalog catalog() {
        return CheckCatalog.of(CheckRegistry.discover());
    }

    /** A finding with the given check, resource name, account, score and status; everything else plain. */
    public static FindingView finding(long id, String check, String account, String resourceName, int score,
                                      Severity severity, FindingStatus status) {
        String resourceId = "arn:aws:s3:::" + id + "-" + resourceName;
        return new FindingView(id, String.format("%064x", id), check, check.substring(0, check.indexOf('/')), account,
                "1234567890" + (10 + id % 3), "eu-west-1", resourceId, resourceName, 100 + id, "grant:AllUsers:READ",
                Json.object(), "ACL grants READ to AllUsers", severity, score,
                new ScoreBreakdown(severity, severity.base(), Exposure.INTERNET, 1.0, 1.0, "account env=prod", score),
                status, check.equals(S3_PUBLIC) ? List.of("CIS-AWS-3.0:2.1.4") : List.of(), null, FIRST_SEEN, CHANGED, 0);
    }

    /** Findings of every status, with quotes, newlines, markup, a formula and unicode in their values. */
    public static List<FindingView> hostile() {
        FindingView formula = finding(1, S3_PUBLIC, "+SUM(1,2)", FORMULA, 70, Severity.HIGH, FindingStatus.OPEN);
        FindingView message = withMessage(finding(2, S3_PUBLIC, "@prod", UNICODE, 90, Severity.CRITICAL,
                FindingStatus.REGRESSED), HOSTILE_MESSAGE);
        FindingView justified = justified(finding(3, SG_ADMIN, "-2+3", "\tsg-tab", 45, Severity.MEDIUM,
                FindingStatus.JUSTIFIED));
        FindingView suppressed = finding(4, SG_ADMIN, "\rcr", "sg-\u202Ereversed", 20, Severity.LOW, FindingStatus.SUPPRESSED);
        FindingView fixed = finding(5, UNKNOWN_CHECK, "prod", "<b>old</b>", 0, Severity.INFO, FindingStatus.FIXED);
        FindingView disabled = finding(6, S3_PUBLIC, "prod", "disabled,one", 70, Severity.HIGH, FindingStatus.DISABLED);
        return List.of(formula, message, justified, suppressed, fixed, disabled);
    }

    public static FindingView withMessage(FindingView f, String message) {
        return new FindingView(f.id(), f.fingerprint(), f.check(), f.type(), f.account(), f.accountId(), f.region(),
                f.resourceId(), f.resourceName(), f.itemId(), f.evidenceKey(), f.evidence(), message, f.severity(),
                f.score(), f.breakdown(), f.status(), f.controls(), f.justification(), f.firstSeen(),
                f.statusChangedAt(), f.regressions());
    }

    static FindingView justified(FindingView f) {
        return new FindingView(f.id(), f.fingerprint(), f.check(), f.type(), f.account(), f.accountId(), f.region(),
                f.resourceId(), f.resourceName(), f.itemId(), f.evidenceKey(), f.evidence(), f.message(), f.severity(),
                f.score(), f.breakdown(), f.status(), f.controls(),
                new Justification("alice", "Bastion host, \"reviewed\"\nby security", CHANGED.plusDays(30), "abc"),
                f.firstSeen(), f.statusChangedAt(), f.regressions());
    }
}
