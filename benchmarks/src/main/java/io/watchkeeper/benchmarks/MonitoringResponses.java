package io.watchkeeper.benchmarks;

import static io.watchkeeper.benchmarks.StubReply.str;
import static io.watchkeeper.benchmarks.SyntheticOrg.hash;
import static io.watchkeeper.benchmarks.SyntheticOrg.hex;
import static io.watchkeeper.benchmarks.SyntheticOrg.instant;

import io.watchkeeper.benchmarks.SyntheticOrg.Kind;
import java.util.List;

/**
 * Answers of the monitoring services added with issue 14, each in its real protocol: CloudWatch
 * Logs DescribeMetricFilters and AWS Config (JSON 1.1), CloudWatch DescribeAlarms (query XML),
 * GuardDuty, IAM Access Analyzer and Security Hub (REST-JSON), and Organizations (JSON 1.1: every
 * synthetic account is a member of an organization whose management account is not watched, so
 * reading its policies is refused).
 */
final class MonitoringResponses {

    /** The CIS AWS 4.x filters the synthetic accounts carry (the first of them per region). */
    private static final List<String[]> FILTERS = List.of(
            new String[] {"unauthorized-api-calls", "{ ($.errorCode = \"*UnauthorizedOperation\") || "
                    + "($.errorCode = \"AccessDenied*\") && ($.sourceIPAddress!=\"delivery.logs.amazonaws.com\") }",
                    "UnauthorizedAPICalls"},
            new String[] {"root-usage", "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && "
                    + "$.eventType != \"AwsServiceEvent\" }", "RootAccountUsage"},
            new String[] {"iam-changes", "{ ($.eventSource = iam.amazonaws.com) && (($.eventName = DeleteGroupPolicy) || "
                    + "($.eventName = PutUserPolicy) || ($.eventName = AttachRolePolicy)) }", "IAMPolicyChanges"},
            new String[] {"console-no-mfa", "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != "
                    + "\"Yes\") }", "ConsoleSigninWithoutMFA"},
            new String[] {"cloudtrail-changes", "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || "
                    + "($.eventName = DeleteTrail) || ($.eventName = StopLogging) }", "CloudTrailChanges"});

    private final SyntheticOrg org;

    MonitoringResponses(SyntheticOrg org) {
        this.org = org;
    }

    private String arnPart(int a, int region) {
        return org.regions().get(region) + ":" + org.accountId(a);
    }

    // ---- CloudWatch Logs (JSON 1.1) ------------------------------------------------------------

    StubReply logs(int a, int region, String action) {
        if (!"DescribeMetricFilters".equals(action)) {
            return null;
        }
        StringBuilder s = new StringBuilder("{\"metricFilters\":[");
        int count = org.sizes().count(Kind.METRIC_FILTER);
        for (int f = 0; f < count; f++) {
            String[] filter = FILTERS.get(f % FILTERS.size());
            int v = org.version(a, Kind.METRIC_FILTER, region, f);
            s.append(f == 0 ? "" : ",").append("{\"filterName\":").append(str(filter[0] + (f < FILTERS.size() ? "" : "-" + f)))
                    .append(",\"filterPattern\":").append(str(filter[1]))
                    .append(",\"metricTransformations\":[{\"metricName\":").append(str(filter[2]))
                    .append(",\"metricNamespace\":\"CISBenchmark\",\"metricValue\":\"").append(1 + v).append("\"}]")
                    .append(",\"creationTime\":").append(instant(hash(a, Kind.METRIC_FILTER, region, f, 1)).toEpochMilli())
                    .append(",\"logGroupName\":\"aws-cloudtrail-logs-").append(org.accountId(a)).append("\"}");
        }
        return StubReply.json11(s.append("]}").toString());
    }

    // ---- CloudWatch alarms (query XML) ------------------------------------------------------------

    StubReply cloudWatch(int a, int region, String action, String requestId) {
        if (!"DescribeAlarms".equals(action)) {
            return null;
        }
        Xml x = new Xml(2000);
        x.open("DescribeAlarmsResponse", "xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"")
                .open("DescribeAlarmsResult").open("MetricAlarms");
        int count = org.sizes().count(Kind.ALARM);
        for (int i = 0; i < count; i++) {
            String[] filter = FILTERS.get(i % FILTERS.size());
            int v = org.version(a, Kind.ALARM, region, i);
            String name = filter[0] + (i < FILTERS.size() ? "" : "-" + i);
            x.open("member").el("AlarmName", name)
                    .el("AlarmArn", "arn:aws:cloudwatch:" + arnPart(a, region) + ":alarm:" + name)
                    .el("AlarmConfigurationUpdatedTimestamp", instant(hash(a, Kind.ALARM, region, i, 1)))
                    .el("ActionsEnabled", true).open("OKActions").close("OKActions").open("AlarmActions")
                    .el("member", "arn:aws:sns:" + arnPart(a, region) + ":security-alerts").close("AlarmActions")
                    .open("InsufficientDataActions").close("InsufficientDataActions")
                    .el("StateValue", i % 4 == 0 ? "ALARM" : "OK").el("StateReason", "Threshold Crossed")
                    .el("StateUpdatedTimestamp", instant(hash(a, Kind.ALARM, region, i, 2)))
                    .el("MetricName", filter[2]).el("Namespace", "CISBenchmark").el("Statistic", "Sum")
                    .open("Dimensions").close("Dimensions").el("Period", 300).el("EvaluationPeriods", 1 + v)
                    .el("Threshold", "1.0").el("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                    .el("TreatMissingData", "notBreaching").close("member");
        }
        x.close("MetricAlarms").open("CompositeAlarms").close("CompositeAlarms").close("DescribeAlarmsResult")
                .open("ResponseMetadata").el("RequestId", requestId).close("ResponseMetadata");
        return StubReply.xml(x.close("DescribeAlarmsResponse").toString());
    }

    // ---- AWS Config (JSON 1.1) -----------------------------------------------------------------

    StubReply config(int a, int region, String action) {
        int v = org.version(a, Kind.CONFIG, region, 0);
        // one account in five has no recorder, until a change sets one up (every change must show)
        boolean recorder = a % 5 != 2 || v % 2 == 1;
        return switch (action) {
            case "DescribeConfigurationRecorders" -> StubReply.json11(!recorder ? "{\"ConfigurationRecorders\":[]}"
                    : "{\"ConfigurationRecorders\":[{\"arn\":\"arn:aws:config:" + arnPart(a, region)
                            + ":configuration-recorder/default/" + hex(hash(a, Kind.CONFIG, region, 0, 1), 16)
                            + "\",\"name\":\"default\",\"roleARN\":\"arn:aws:iam::" + org.accountId(a)
                            + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig\",\"recordingGroup\":"
                            + "{\"allSupported\":true,\"includeGlobalResourceTypes\":" + (region == 0)
                            + ",\"resourceTypes\":[]},\"recordingMode\":{\"recordingFrequency\":\""
                            + (v % 2 == 0 ? "CONTINUOUS" : "DAILY") + "\"}}]}");
            case "DescribeConfigurationRecorderStatus" -> StubReply.json11("{\"ConfigurationRecordersStatus\":[{"
                    + "\"name\":\"default\",\"lastStartTime\":" + epoch(a, Kind.CONFIG, region, 2) + ",\"recording\":true,"
                    + "\"lastStatus\":\"SUCCESS\",\"lastStatusChangeTime\":" + epoch(a, Kind.CONFIG, region, 3) + "}]}");
            case "DescribeDeliveryChannels" -> StubReply.json11(!recorder ? "{\"DeliveryChannels\":[]}"
                    : "{\"DeliveryChannels\":[{\"name\":\"default\",\"s3BucketName\":\"config-bucket-" + org.accountId(a)
                            + "\",\"configSnapshotDeliveryProperties\":{\"deliveryFrequency\":\"TwentyFour_Hours\"}}]}");
            default -> null;
        };
    }

    private static long epoch(int a, Kind kind, int region, int salt) {
        return instant(hash(a, kind, region, 0, salt)).getEpochSecond();
    }

    // ---- GuardDuty, Access Analyzer, Security Hub (REST-JSON) -----------------------------------

    StubReply guardDuty(int a, int region, String method, String path) {
        String id = hex(hash(a, Kind.GUARDDUTY, region, 0, 0), 32);
        int v = org.version(a, Kind.GUARDDUTY, region, 0);
        boolean enabled = a % 3 != 1 || v % 2 == 1;
        if ("GET".equals(method) && "/detector".equals(path)) {
            return StubReply.restJson(enabled ? "{\"detectorIds\":[\"" + id + "\"]}" : "{\"detectorIds\":[]}");
        }
        if ("GET".equals(method) && ("/detector/" + id).equals(path)) {
            return StubReply.restJson("{\"createdAt\":\"" + instant(hash(a, Kind.GUARDDUTY, region, 0, 1))
                    + "\",\"findingPublishingFrequency\":\"" + (v % 2 == 0 ? "SIX_HOURS" : "FIFTEEN_MINUTES")
                    + "\",\"serviceRole\":\"arn:aws:iam::" + org.accountId(a) + ":role/aws-service-role/guardduty.amazonaws.com"
                    + "/AWSServiceRoleForAmazonGuardDuty\",\"status\":\"ENABLED\",\"updatedAt\":\""
                    + instant(hash(a, Kind.GUARDDUTY, region, 0, 2)) + "\",\"features\":["
                    + "{\"name\":\"CLOUD_TRAIL\",\"status\":\"ENABLED\"},{\"name\":\"S3_DATA_EVENTS\",\"status\":\"ENABLED\"},"
                    + "{\"name\":\"RUNTIME_MONITORING\",\"status\":\"DISABLED\",\"additionalConfiguration\":["
                    + "{\"name\":\"EKS_ADDON_MANAGEMENT\",\"status\":\"DISABLED\"}]}],\"tags\":{}}");
        }
        if ("GET".equals(method) && ("/detector/" + id + "/administrator").equals(path)) {
            return StubReply.restJson("{}");
        }
        return null;
    }

    StubReply accessAnalyzer(int a, int region, String method, String path) {
        if (!"GET".equals(method) || !"/analyzer".equals(path)) {
            return null;
        }
        int v = org.version(a, Kind.ACCESS_ANALYZER, region, 0);
        if (a % 4 == 2 && region > 0 && v % 2 == 0) {
            return StubReply.restJson("{\"analyzers\":[]}");
        }
        return StubReply.restJson("{\"analyzers\":[{\"arn\":\"arn:aws:access-analyzer:" + arnPart(a, region)
                + ":analyzer/account-analyzer\",\"name\":\"account-analyzer\",\"type\":\"ACCOUNT\",\"createdAt\":\""
                + instant(hash(a, Kind.ACCESS_ANALYZER, region, 0, 1)) + "\",\"lastResourceAnalyzed\":\"arn:aws:s3:::wk-"
                + org.accountId(a) + "-00-logs\",\"lastResourceAnalyzedAt\":\"" + instant(hash(a, Kind.ACCESS_ANALYZER,
                region, 0, 2)) + "\",\"tags\":{\"rev\":\"" + v + "\"},\"status\":\"ACTIVE\"}]}");
    }

    StubReply securityHub(int a, int region, String method, String path) {
        int v = org.version(a, Kind.SECURITY_HUB, region, 0);
        boolean enabled = a % 2 == 0 || v % 2 == 1;
        if ("GET".equals(method) && "/accounts".equals(path)) {
            return enabled ? StubReply.restJson("{\"HubArn\":\"arn:aws:securityhub:" + arnPart(a, region)
                    + ":hub/default\",\"SubscribedAt\":\"" + instant(hash(a, Kind.SECURITY_HUB, region, 0, 1))
                    + "\",\"AutoEnableControls\":" + (v % 2 == 0) + ",\"ControlFindingGenerator\":\"SECURITY_CONTROL\"}")
                    : new StubReply(401, "application/json", "{\"__type\":\"InvalidAccessException\",\"Code\":"
                            + "\"InvalidAccessException\",\"Message\":\"Account " + org.accountId(a)
                            + " is not subscribed to AWS Security Hub\"}", "InvalidAccessException");
        }
        if ("POST".equals(method) && "/standards/get".equals(path)) {
            return StubReply.restJson("{\"StandardsSubscriptions\":[{\"StandardsSubscriptionArn\":\"arn:aws:securityhub:"
                    + arnPart(a, region) + ":subscription/cis-aws-foundations-benchmark/v/3.0.0\",\"StandardsArn\":"
                    + "\"arn:aws:securityhub:" + org.regions().get(region) + "::standards/cis-aws-foundations-benchmark/v/3.0.0"
                    + "\",\"StandardsInput\":{},\"StandardsStatus\":\"READY\"}]}");
        }
        return null;
    }

    // ---- Organizations (JSON 1.1) --------------------------------------------------------------

    StubReply organizations(String action) {
        return switch (action) {
            case "DescribeOrganization" -> StubReply.json11("{\"Organization\":{\"Id\":\"o-wkbench0001\",\"Arn\":"
                    + "\"arn:aws:organizations::999999999999:organization/o-wkbench0001\",\"FeatureSet\":\"ALL\","
                    + "\"MasterAccountArn\":\"arn:aws:organizations::999999999999:account/o-wkbench0001/999999999999\","
                    + "\"MasterAccountId\":\"999999999999\",\"MasterAccountEmail\":\"aws-root@example.com\"}}");
            case "ListRoots", "ListDelegatedAdministrators", "ListPolicies" -> StubReply.jsonError(400,
                    "AccessDeniedException", "You don't have permissions to access this resource.");
            default -> null;
        };
    }
}
