package io.watchkeeper.benchmarks;

import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import io.watchkeeper.iamtuner.evidence.CloudTrailLogParser;
import io.watchkeeper.iamtuner.evidence.CloudTrailMapping;
import io.watchkeeper.iamtuner.evidence.UsageTally;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The IAM tuner's CloudTrail reading on one core: gzip + streaming JSON + attribution of every record to its
 * role (assumed-role sessions via {@code sessionIssuer.arn}) into the per-principal/action tally — the work
 * {@code CloudTrailReader} does per log file, without S3. A pool of distinct log files (default 40 × 10,000
 * records for 1,000 roles over a month, 60 API calls, 2 % AccessDenied, 30 % data events) is generated in
 * memory first (not timed), then parsed in rotation until {@code --events} records were read (default
 * 10,000,000). Reported: records per CPU second of the parsing thread (per core, whatever else the machine runs)
 * and per wall second, the tally's size (state per principal/action, not
 * per event) and the heap left after a GC.
 * Run: {@code java -Xmx1g -cp benchmarks/target/watchkeeper-benchmarks.jar io.watchkeeper.benchmarks.CloudTrailBenchmark
 * [--events 10000000] [--roles 1000] [--files 40] [--records-per-file 10000]}.
 */
public final class CloudTrailBenchmark {

    private static final String ACCOUNT = "123456789012";
    private static final String[][] CALLS = {
        {"s3.amazonaws.com", "GetObject"}, {"s3.amazonaws.com", "PutObject"}, {"s3.amazonaws.com", "ListObjectsV2"},
        {"s3.amazonaws.com", "DeleteObject"}, {"s3.amazonaws.com", "HeadObject"}, {"sqs.amazonaws.com", "SendMessage"},
        {"sqs.amazonaws.com", "ReceiveMessage"}, {"sqs.amazonaws.com", "DeleteMessage"}, {"ec2.amazonaws.com", "DescribeInstances"},
        {"ec2.amazonaws.com", "DescribeVolumes"}, {"ec2.amazonaws.com", "RunInstances"}, {"ec2.amazonaws.com", "TerminateInstances"},
        {"dynamodb.amazonaws.com", "GetItem"}, {"dynamodb.amazonaws.com", "PutItem"}, {"dynamodb.amazonaws.com", "Query"},
        {"dynamodb.amazonaws.com", "DescribeTable"}, {"kms.amazonaws.com", "Decrypt"}, {"kms.amazonaws.com", "GenerateDataKey"},
        {"sts.amazonaws.com", "AssumeRole"}, {"sts.amazonaws.com", "GetCallerIdentity"}, {"lambda.amazonaws.com", "Invoke"},
        {"lambda.amazonaws.com", "UpdateFunctionCode20150331v2"}, {"logs.amazonaws.com", "PutLogEvents"},
        {"logs.amazonaws.com", "CreateLogStream"}, {"sns.amazonaws.com", "Publish"}, {"secretsmanager.amazonaws.com", "GetSecretValue"},
        {"ssm.amazonaws.com", "GetParameter"}, {"ssm.amazonaws.com", "GetParameters"}, {"iam.amazonaws.com", "GetRole"},
        {"iam.amazonaws.com", "ListRoles"}, {"cloudwatch.amazonaws.com", "PutMetricData"}, {"ecr.amazonaws.com", "GetAuthorizationToken"},
        {"ecr.amazonaws.com", "BatchGetImage"}, {"ecs.amazonaws.com", "DescribeServices"}, {"elasticloadbalancing.amazonaws.com",
            "DescribeLoadBalancers"}, {"autoscaling.amazonaws.com", "DescribeAutoScalingGroups"}, {"rds.amazonaws.com",
            "DescribeDBInstances"}, {"kinesis.amazonaws.com", "PutRecord"}, {"firehose.amazonaws.com", "PutRecordBatch"},
        {"events.amazonaws.com", "PutEvents"}, {"states.amazonaws.com", "StartExecution"}, {"glue.amazonaws.com", "GetTable"},
        {"athena.amazonaws.com", "StartQueryExecution"}, {"route53.amazonaws.com", "ChangeResourceRecordSets"},
        {"cloudformation.amazonaws.com", "DescribeStacks"}, {"apigateway.amazonaws.com", "GetRestApis"},
        {"elasticfilesystem.amazonaws.com", "DescribeFileSystems"}, {"eks.amazonaws.com", "DescribeCluster"},
        {"codebuild.amazonaws.com", "StartBuild"}, {"codepipeline.amazonaws.com", "GetPipeline"}, {"acm.amazonaws.com",
            "DescribeCertificate"}, {"cognito-idp.amazonaws.com", "AdminGetUser"}, {"ses.amazonaws.com", "SendEmail"},
        {"sagemaker.amazonaws.com", "InvokeEndpoint"}, {"redshift.amazonaws.com", "DescribeClusters"},
        {"elasticache.amazonaws.com", "DescribeCacheClusters"}, {"config.amazonaws.com", "PutEvaluations"},
        {"guardduty.amazonaws.com", "ListDetectors"}, {"organizations.amazonaws.com", "DescribeOrganization"},
        {"cloudtrail.amazonaws.com", "LookupEvents"}};

    private CloudTrailBenchmark() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        long events = Long.parseLong(opts.getOrDefault("events", "10000000"));
        int roles = Integer.parseInt(opts.getOrDefault("roles", "1000"));
        int files = Integer.parseInt(opts.getOrDefault("files", "40"));
        int perFile = Integer.parseInt(opts.getOrDefault("records-per-file", "10000"));

        long g0 = System.nanoTime();
        List<byte[]> pool = new ArrayList<>();
        long compressed = 0;
        long raw = 0;
        Random random = new Random(42);
        Instant monthStart = Instant.parse("2026-11-01T00:00:00Z");
        for (int f = 0; f < files; f++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CountingWriter w = new CountingWriter(new OutputStreamWriter(new GZIPOutputStream(bytes, 64 * 1024), StandardCharsets.UTF_8));
            w.write("{\"Records\":[");
            for (int r = 0; r < perFile; r++) {
                if (r > 0) {
                    w.write(',');
                }
                record(w, random, roles, monthStart.plus(random.nextInt(30 * 24 * 3600), ChronoUnit.SECONDS));
            }
            w.write("]}");
            w.close();
            pool.add(bytes.toByteArray());
            compressed += bytes.size();
            raw += w.count;
        }
        System.out.printf("generated %d log files x %d records (%.1f MB gzip, %.1f MB JSON) in %.1f s%n", files, perFile,
                compressed / 1e6, raw / 1e6, (System.nanoTime() - g0) / 1e9);

        CloudTrailLogParser parser = new CloudTrailLogParser();
        UsageTally tally = new UsageTally();
        // warm-up: one pass over the pool
        for (byte[] file : pool) {
            parse(parser, file, new UsageTally());
        }
        long read = 0;
        long attributed = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        int i = 0;
        while (read < events) {
            CloudTrailLogParser.FileResult r = parse(parser, pool.get(i++ % pool.size()), tally);
            read += r.records();
            attributed += r.attributed();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        ActionCatalog catalog = ActionCatalog.bundled();
        UsageTally.Result result = tally.evidence(CloudTrailMapping.load(catalog));
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf("parsed %,d records (%,d attributed) on one thread in %.2f s wall, %.2f s CPU: %,.0f records per "
                + "CPU second (one core), %,.0f per wall second%n", read, attributed, seconds, cpuSeconds, read / cpuSeconds,
                read / seconds);
        System.out.printf("tally: %,d principal/action states, %,d evidence rows, %,d unmapped; heap after GC %.0f MB "
                + "(the file pool %.0f MB of it)%n", tally.size(), result.evidence().size(), result.unmapped().size(),
                heap / 1e6, compressed / 1e6);
    }

    private static CloudTrailLogParser.FileResult parse(CloudTrailLogParser parser, byte[] file, UsageTally tally) throws IOException {
        UsageTally local = new UsageTally();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(new ByteArrayInputStream(file), 64 * 1024), 64 * 1024)) {
            CloudTrailLogParser.FileResult r = parser.parse(in, local);
            tally.merge(local);
            return r;
        }
    }

    private static void record(Writer w, Random random, int roles, Instant time) throws IOException {
        int role = random.nextInt(roles);
        String[] call = CALLS[(role * 7 + random.nextInt(6)) % CALLS.length];
        String name = "role-" + role;
        boolean denied = random.nextInt(50) == 0;
        boolean data = call[0].startsWith("s3.") || call[1].equals("Invoke") || call[1].startsWith("GetItem");
        String ts = time.toString();
        w.write("{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE" + role
                + ":session\",\"arn\":\"arn:aws:sts::" + ACCOUNT + ":assumed-role/" + name + "/session-" + random.nextInt(100)
                + "\",\"accountId\":\"" + ACCOUNT + "\",\"accessKeyId\":\"ASIAEXAMPLE" + role + "\",\"sessionContext\":"
                + "{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAEXAMPLE" + role + "\",\"arn\":\"arn:aws:iam::" + ACCOUNT
                + ":role/" + name + "\",\"accountId\":\"" + ACCOUNT + "\",\"userName\":\"" + name + "\"},\"attributes\":"
                + "{\"creationDate\":\"" + ts + "\",\"mfaAuthenticated\":\"false\"}}},\"eventTime\":\"" + ts
                + "\",\"eventSource\":\"" + call[0] + "\",\"eventName\":\"" + call[1] + "\",\"awsRegion\":\"us-east-1\","
                + "\"sourceIPAddress\":\"203.0.113." + random.nextInt(255) + "\",\"userAgent\":\"aws-sdk-java/2.40.2 Linux/6.1\",");
        if (denied) {
            w.write("\"errorCode\":\"AccessDenied\",\"errorMessage\":\"User is not authorized to perform this action\",");
        }
        w.write("\"requestParameters\":{\"bucketName\":\"bucket-" + role % 50 + "\",\"key\":\"objects/" + random.nextInt(1 << 20)
                + "\",\"nested\":{\"values\":[\"a\",\"b\"]}},\"responseElements\":null,\"requestID\":\"" + Long.toHexString(random.nextLong())
                + "\",\"eventID\":\"" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())
                + "\",\"readOnly\":" + call[1].matches("(Get|List|Describe|Head).*") + ",\"eventType\":\"AwsApiCall\","
                + "\"managementEvent\":" + !data + ",\"recipientAccountId\":\"" + ACCOUNT + "\",\"eventCategory\":\""
                + (data ? "Data" : "Management") + "\",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\",\"cipherSuite\":"
                + "\"TLS_AES_128_GCM_SHA256\",\"clientProvidedHostHeader\":\"" + call[0] + "\"}}");
    }

    /** Counts characters written (uncompressed size). */
    private static final class CountingWriter extends Writer {
        private final Writer out;
        long count;

        CountingWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            out.write(buf, off, len);
            count += len;
        }

        @Override
        public void write(String s) throws IOException {
            out.write(s);
            count += s.length();
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
