package io.watchkeeper.iamtuner.testing;

import io.watchkeeper.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.node.ObjectNode;

/**
 * CloudTrail log files in the real format — {@code {"Records":[…]}} with the fields CloudTrail writes
 * (user identity with session context, request parameters, TLS details, …), gzip-compressed, under the
 * real key layout {@code [prefix/]AWSLogs/<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/
 * <account>_CloudTrail_<region>_<yyyymmddThhmmZ>_<id>.json.gz}, one file per region and 5 minutes.
 */
public final class CloudTrailLogs {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    private CloudTrailLogs() {}

    /** One API call. {@code identityType}: AssumedRole (role ARN given) or IAMUser (user ARN given). */
    public record Event(String principalArn, String identityType, String eventSource, String eventName, Instant time,
                        String region, String errorCode, boolean data) {

        public Event denied() {
            return new Event(principalArn, identityType, eventSource, eventName, time, region, "AccessDenied", data);
        }

        public Event asData() {
            return new Event(principalArn, identityType, eventSource, eventName, time, region, errorCode, true);
        }

        public Event in(String otherRegion) {
            return new Event(principalArn, identityType, eventSource, eventName, time, otherRegion, errorCode, data);
        }
    }

    public static Event role(String roleArn, String eventSource, String eventName, Instant time) {
        return new Event(roleArn, "AssumedRole", eventSource, eventName, time, "us-east-1", null, false);
    }

    public static Event user(String userArn, String eventSource, String eventName, Instant time) {
        return new Event(userArn, "IAMUser", eventSource, eventName, time, "us-east-1", null, false);
    }

    /** The JSON of one log file. */
    public static String json(List<Event> events) {
        ObjectNode root = Json.object();
        var records = root.putArray("Records");
        for (Event e : events) {
            records.add(record(e));
        }
        return Json.write(root);
    }

    static ObjectNode record(Event e) {
        String account = e.principalArn().split(":")[4];
        String name = e.principalArn().substring(e.principalArn().lastIndexOf('/') + 1);
        ObjectNode r = Json.object();
        r.put("eventVersion", "1.09");
        ObjectNode id = r.putObject("userIdentity");
        id.put("type", e.identityType());
        if (e.identityType().equals("AssumedRole")) {
            id.put("principalId", "AROA" + Math.abs(name.hashCode()) + ":session-" + name);
            id.put("arn", "arn:aws:sts::" + account + ":assumed-role/" + name + "/session-" + name);
            id.put("accountId", account);
            id.put("accessKeyId", "ASIA" + Math.abs(e.principalArn().hashCode()));
            ObjectNode ctx = id.putObject("sessionContext");
            ObjectNode issuer = ctx.putObject("sessionIssuer");
            issuer.put("type", "Role");
            issuer.put("principalId", "AROA" + Math.abs(name.hashCode()));
            issuer.put("arn", e.principalArn());
            issuer.put("accountId", account);
            issuer.put("userName", name);
            ObjectNode attrs = ctx.putObject("attributes");
            attrs.put("creationDate", TIME.format(e.time().minusSeconds(600)));
            attrs.put("mfaAuthenticated", "false");
        } else {
            id.put("principalId", "AIDA" + Math.abs(name.hashCode()));
            id.put("arn", e.principalArn());
            id.put("accountId", account);
            id.put("accessKeyId", "AKIA" + Math.abs(e.principalArn().hashCode()));
            id.put("userName", name);
        }
        r.put("eventTime", TIME.format(e.time()));
        r.put("eventSource", e.eventSource());
        r.put("eventName", e.eventName());
        r.put("awsRegion", e.region());
        r.put("sourceIPAddress", "203.0.113.10");
        r.put("userAgent", "aws-sdk-java/2.40.2 Linux/6.1 OpenJDK_64-Bit_Server_VM/25");
        if (e.errorCode() != null) {
            r.put("errorCode", e.errorCode());
            r.put("errorMessage", "User: " + id.get("arn").asString() + " is not authorized to perform: "
                    + e.eventSource().replace(".amazonaws.com", "") + ":" + e.eventName() + " because no identity-based policy allows it");
        }
        ObjectNode params = r.putObject("requestParameters");
        params.put("bucketName", "example-bucket");
        params.putObject("nested").putArray("values").add("a").add("b");
        r.putNull("responseElements");
        r.put("requestID", UUID.nameUUIDFromBytes((e.toString() + "r").getBytes(StandardCharsets.UTF_8)).toString());
        r.put("eventID", UUID.nameUUIDFromBytes(e.toString().getBytes(StandardCharsets.UTF_8)).toString());
        r.put("readOnly", e.eventName().startsWith("Get") || e.eventName().startsWith("List") || e.eventName().startsWith("Describe"));
        r.put("eventType", "AwsApiCall");
        r.put("managementEvent", !e.data());
        r.put("recipientAccountId", account);
        r.put("eventCategory", e.data() ? "Data" : "Management");
        ObjectNode tls = r.putObject("tlsDetails");
        tls.put("tlsVersion", "TLSv1.3");
        tls.put("cipherSuite", "TLS_AES_128_GCM_SHA256");
        tls.put("clientProvidedHostHeader", e.eventSource().replace(".amazonaws.com", "") + "." + e.region() + ".amazonaws.com");
        return r;
    }

    public static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The key of the file holding events of {@code region} delivered at {@code delivered}. */
    public static String key(String keyPrefix, String logAccount, String region, Instant delivered, String unique) {
        String root = keyPrefix == null || keyPrefix.isEmpty() ? "" : keyPrefix + "/";
        return root + "AWSLogs/" + logAccount + "/CloudTrail/" + region + "/" + DAY.format(delivered) + "/" + logAccount
                + "_CloudTrail_" + region + "_" + STAMP.format(delivered) + "_" + unique + ".json.gz";
    }

    /**
     * Writes {@code events} of {@code logAccount} into {@code bucket}: one gzip file per region and 5-minute
     * slot (delivered at the slot's end). Returns the keys written.
     */
    public static List<String> write(S3Client s3, String bucket, String keyPrefix, String logAccount, List<Event> events) {
        Map<String, List<Event>> files = new TreeMap<>();
        Map<String, Instant> delivered = new LinkedHashMap<>();
        for (Event e : events) {
            Instant slot = e.time().truncatedTo(ChronoUnit.HOURS)
                    .plus((e.time().atZone(ZoneOffset.UTC).getMinute() / 5 + 1) * 5L, ChronoUnit.MINUTES);
            String k = e.region() + "|" + slot;
            files.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
            delivered.put(k, slot);
        }
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, List<Event>> f : files.entrySet()) {
            Instant at = delivered.get(f.getKey());
            String region = f.getValue().getFirst().region();
            String key = key(keyPrefix, logAccount, region, at,
                    UUID.nameUUIDFromBytes(f.getKey().getBytes(StandardCharsets.UTF_8)).toString().replace("-", "").substring(0, 16).toUpperCase());
            s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json").contentEncoding("gzip"),
                    RequestBody.fromBytes(gzip(json(f.getValue()))));
            keys.add(key);
        }
        return keys;
    }
}
