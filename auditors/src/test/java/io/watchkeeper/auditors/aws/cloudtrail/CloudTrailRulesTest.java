package io.watchkeeper.auditors.aws.cloudtrail;

import static io.watchkeeper.auditors.testing.RuleCase.fails;
import static io.watchkeeper.auditors.testing.RuleCase.passes;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.RuleCase;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig;
import io.watchkeeper.core.config.aws.CloudWatchAlarmConfig;
import io.watchkeeper.core.config.aws.MetricFilterConfig;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.config.aws.SnsTopicConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * CIS 4.1–4.15 (filter, alarm, subscribed topic on a multi-region trail's log group), 3.8/3.9 (S3
 * object-level events, basic and advanced selectors), delivery to CloudWatch Logs, the trail bucket's
 * access logging (3.4) and public access.
 */
public class CloudTrailRulesTest {

    static final String GROUP = "arn:aws:logs:us-east-1:111111111111:log-group:trail-logs";
    static final String TOPIC = "arn:aws:sns:us-east-1:111111111111:security-alerts";

    static String trail(String name, String fields) {
        return "{'name':'" + name + "','trailArn':'arn:aws:cloudtrail:us-east-1:111111111111:trail/" + name + "',"
                + "'homeRegion':'us-east-1','isMultiRegionTrail':true,'isLogging':true,'s3BucketName':'trail-bucket'"
                + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    static final String MAIN = trail("main", "'cloudWatchLogsLogGroupArn':'" + GROUP + ":*'");

    /** The account holds {@code trailJson} itself, as the engine's context does. */
    static Consumer<TestContext> trails(String... trailJson) {
        return c -> {
            for (String t : trailJson) {
                CloudTrailTrailConfig config = Configs.parse(CloudTrailTrailConfig.class, t);
                c.with("aws.cloudtrail.trail", "us-east-1", config.name(), config);
            }
        };
    }

    static Consumer<TestContext> filter(String name, String group, String pattern) {
        return c -> c.with("aws.logs.metric-filter", "us-east-1", name, Configs.parse(MetricFilterConfig.class,
                "{'filterName':'" + name + "','logGroupName':'" + group + "','logGroupArn':'arn:aws:logs:us-east-1:"
                        + "111111111111:log-group:" + group + "','filterPattern':'" + pattern.replace("\"", "\\'") + "',"
                        + "'metricTransformations':[{'metricName':'" + name + "-count','metricNamespace':'CIS',"
                        + "'metricValue':'1'}]}"));
    }

    static Consumer<TestContext> alarm(String metric, String topic) {
        return c -> c.with("aws.cloudwatch.alarm", "us-east-1", metric + "-alarm", Configs.parse(CloudWatchAlarmConfig.class,
                "{'alarmName':'" + metric + "-alarm','kind':'metric','actionsEnabled':true,'alarmActions':['" + topic
                        + "'],'metricName':'" + metric + "','namespace':'CIS'}"));
    }

    static Consumer<TestContext> topic(String arn, boolean subscribed) {
        return c -> c.with("aws.sns.topic", "us-east-1", "alerts", Configs.parse(SnsTopicConfig.class,
                "{'topicArn':'" + arn + "','subscriptions':[" + (subscribed
                        ? "{'protocol':'email','endpoint':'secops@example.com'}" : "") + "]}"));
    }

    static final String CT_PATTERN = "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || "
            + "($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }";
    static final String CT_REORDERED = "{($.eventName=\"StopLogging\")||($.eventName=\"StartLogging\")||"
            + "($.eventName=DeleteTrail)||($.eventName=UpdateTrail)||($.eventName=CreateTrail)}";
    static final String CHECK = "aws.cloudtrail.trail/no-alarm-cloudtrail-changes";

    static Consumer<TestContext> complete(String pattern) {
        return trails(MAIN).andThen(filter("ct", "trail-logs", pattern)).andThen(alarm("ct-count", TOPIC))
                .andThen(topic(TOPIC, true));
    }

    private static String bucket(String fields) {
        return "{'name':'trail-bucket','aclOwner':'owner'" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    private static Consumer<TestContext> withBucket(String json) {
        return c -> c.with("aws.s3.bucket", "us-east-1", "trail-bucket", Configs.parse(S3BucketConfig.class, json));
    }

    private static final String WRITE_SELECTOR = "'eventSelectors':[{'readWriteType':'WriteOnly','includeManagementEvents':"
            + "true,'dataResources':[{'type':'AWS::S3::Object','values':['arn:aws:s3']}]}]";
    private static final String ADVANCED_ALL = "'advancedSelectors':[{'name':'s3','fieldSelectors':[{'field':"
            + "'eventCategory','equalTo':['Data']},{'field':'resources.type','equalTo':['AWS::S3::Object']}]}]";

    public static final List<RuleCase> CASES;

    static {
        List<RuleCase> all = new ArrayList<>(List.of(
                fails(CHECK, MAIN, "account").with(trails(MAIN)),
                fails(CHECK, MAIN, "account").with(trails(MAIN).andThen(filter("ct", "trail-logs", CT_PATTERN))),
                fails(CHECK, MAIN, "account").with(trails(MAIN).andThen(filter("ct", "trail-logs", CT_PATTERN))
                        .andThen(alarm("ct-count", TOPIC)).andThen(topic(TOPIC, false))),
                fails(CHECK, MAIN, "account").with(trails(MAIN).andThen(filter("ct", "other-group", CT_PATTERN))
                        .andThen(alarm("ct-count", TOPIC)).andThen(topic(TOPIC, true))),
                fails(CHECK, MAIN, "account").with(complete("{ ($.eventName = CreateTrail) || ($.eventName = DeleteTrail) }")),
                passes(CHECK, MAIN, "benchmark pattern, alarm, subscribed topic").with(complete(CT_PATTERN)),
                passes(CHECK, MAIN, "the same pattern reordered and requoted").with(complete(CT_REORDERED)),
                passes(CHECK, trail("z-second", ""), "only the account's first trail carries the finding")
                        .with(trails(MAIN, trail("z-second", ""))),
                fails("aws.cloudtrail.trail/no-s3-write-events", trail("main", ""), "account:s3-write-events"),
                fails("aws.cloudtrail.trail/no-s3-write-events", trail("main", WRITE_SELECTOR.replace("arn:aws:s3'",
                        "arn:aws:s3:::only-this-bucket/'")), "account:s3-write-events"),
                fails("aws.cloudtrail.trail/no-s3-write-events", trail("main", WRITE_SELECTOR + ",'isMultiRegionTrail':false")
                        .replace("'isMultiRegionTrail':true,", ""), "account:s3-write-events"),
                passes("aws.cloudtrail.trail/no-s3-write-events", trail("main", WRITE_SELECTOR), "basic selector, writes"),
                passes("aws.cloudtrail.trail/no-s3-write-events", trail("main", ADVANCED_ALL), "advanced selector, all"),
                fails("aws.cloudtrail.trail/no-s3-read-events", trail("main", WRITE_SELECTOR), "account:s3-read-events"),
                fails("aws.cloudtrail.trail/no-s3-read-events", trail("main", ADVANCED_ALL.replace("]}]}]",
                        "]},{'field':'readOnly','equalTo':['false']}]}]")), "account:s3-read-events"),
                fails("aws.cloudtrail.trail/no-s3-read-events", trail("main", ADVANCED_ALL.replace("]}]}]",
                        "]},{'field':'resources.ARN','startsWith':['arn:aws:s3:::one/']}]}]")), "account:s3-read-events"),
                passes("aws.cloudtrail.trail/no-s3-read-events", trail("main", ADVANCED_ALL.replace("]}]}]",
                        "]},{'field':'readOnly','equalTo':['true']}]}]")), "advanced selector, reads"),
                passes("aws.cloudtrail.trail/no-s3-read-events", trail("main", ADVANCED_ALL), "advanced selector, all"),
                fails("aws.cloudtrail.trail/no-cloudwatch-logs", trail("main", ""), "cloudwatch-logs"),
                passes("aws.cloudtrail.trail/no-cloudwatch-logs", MAIN, "delivers"),
                fails("aws.cloudtrail.trail/bucket-access-logging-off", MAIN, "bucket:trail-bucket").with(withBucket(bucket(""))),
                passes("aws.cloudtrail.trail/bucket-access-logging-off", MAIN, "logged")
                        .with(withBucket(bucket("'logging':{'targetBucket':'access-logs','targetPrefix':'ct/'}"))),
                passes("aws.cloudtrail.trail/bucket-access-logging-off", MAIN, "the bucket is in another account"),
                fails("aws.cloudtrail.trail/bucket-public", MAIN, "bucket:trail-bucket").with(withBucket(bucket(
                        "'policy':{'json':{'Version':'2012-10-17','Statement':[{'Sid':'Open','Effect':'Allow','Principal':'*',"
                                + "'Action':'s3:GetObject','Resource':'arn:aws:s3:::trail-bucket/*'}]}}"))),
                fails("aws.cloudtrail.trail/bucket-public", MAIN, "bucket:trail-bucket").with(withBucket(bucket(
                        "'aclGrants':[{'granteeType':'Group','grantee':'http://acs.amazonaws.com/groups/global/AllUsers',"
                                + "'permission':'READ'}]"))),
                passes("aws.cloudtrail.trail/bucket-public", MAIN, "CloudTrail's own write, pinned by aws:SourceArn")
                        .with(withBucket(bucket("'policy':{'json':{'Version':'2012-10-17','Statement':[{'Sid':'Trail','Effect':"
                                + "'Allow','Principal':{'Service':'cloudtrail.amazonaws.com'},'Action':'s3:PutObject',"
                                + "'Resource':'arn:aws:s3:::trail-bucket/*','Condition':{'StringEquals':{'aws:SourceArn':"
                                + "'arn:aws:cloudtrail:us-east-1:111111111111:trail/main'}}}]}}"))),
                passes("aws.cloudtrail.trail/bucket-public", MAIN, "Principal * pinned to the organisation")
                        .with(withBucket(bucket("'policy':{'json':{'Version':'2012-10-17','Statement':[{'Sid':'Org','Effect':"
                                + "'Allow','Principal':'*','Action':'s3:GetObject','Resource':'arn:aws:s3:::trail-bucket/*',"
                                + "'Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-abc123'}}}]}}")))));
        for (CisMetricFilters.Control c : CisMetricFilters.ALL) {
            String id = "aws.cloudtrail.trail/no-alarm-" + c.slug();
            all.add(fails(id, trail("main", ""), "account").with(trails(trail("main", ""))));
            all.add(passes(id, MAIN, c.cis() + ": the benchmark's pattern with an alarm and a subscriber")
                    .with(complete(BenchmarkPatterns.of(c.cis()))));
        }
        CASES = List.copyOf(all);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void decides(RuleCase example) {
        example.run();
    }

    /** The benchmark's own pattern passes each of 4.1–4.15, and a filter for another control does not. */
    @Test
    void eachControlAcceptsItsBenchmarkPatternOnly() {
        for (CisMetricFilters.Control c : CisMetricFilters.ALL) {
            String id = "aws.cloudtrail.trail/no-alarm-" + c.slug();
            String pattern = BenchmarkPatterns.of(c.cis());
            assertThat(c.accepts(pattern)).as(c.cis()).isTrue();
            passes(id, MAIN, c.cis() + " complete").with(complete(pattern)).run();
            CisMetricFilters.Control other = CisMetricFilters.ALL.get((CisMetricFilters.ALL.indexOf(c) + 1)
                    % CisMetricFilters.ALL.size());
            fails(id, MAIN, "account").with(complete(BenchmarkPatterns.of(other.cis()))).run();
        }
    }

    @Test
    void theFindingSaysWhichStepIsMissing() {
        assertThat(fails(CHECK, trail("main", ""), "account").with(trails(trail("main", ""))).run().getFirst().message())
                .contains("no multi-region trail logging management events delivers to CloudWatch Logs");
        assertThat(fails(CHECK, MAIN, "account").with(trails(MAIN)).run().getFirst().message())
                .contains("no metric filter with the benchmark's pattern on " + GROUP);
        assertThat(fails(CHECK, MAIN, "account").with(trails(MAIN).andThen(filter("ct", "trail-logs", CT_PATTERN)))
                .run().getFirst().message()).contains("no alarm on the metric of trail-logs:ct");
        assertThat(fails(CHECK, MAIN, "account").with(trails(MAIN).andThen(filter("ct", "trail-logs", CT_PATTERN))
                .andThen(alarm("ct-count", TOPIC)).andThen(topic(TOPIC, false))).run().getFirst().message())
                .contains("alarm(s) ct-count-alarm notify no SNS topic with a subscriber");
    }

    @Test
    void aSingleRegionTrailsLogGroupDoesNotCount() {
        String regional = trail("main", "'isMultiRegionTrail':false,'cloudWatchLogsLogGroupArn':'" + GROUP + ":*'")
                .replace("'isMultiRegionTrail':true,", "");
        fails(CHECK, regional, "account").with(trails(regional).andThen(filter("ct", "trail-logs", CT_PATTERN))
                .andThen(alarm("ct-count", TOPIC)).andThen(topic(TOPIC, true))).run();
    }
}
