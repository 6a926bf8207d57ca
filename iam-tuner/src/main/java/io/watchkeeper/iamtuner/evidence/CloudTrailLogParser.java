package io.watchkeeper.iamtuner.evidence;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads one CloudTrail log file ({@code {"Records":[...]}}) as a stream: one event at a time, only
 * the fields that matter read, everything else skipped token by token — a file is never held in
 * memory, whatever its size. Events are attributed to the IAM role of an assumed-role session
 * ({@code userIdentity.sessionContext.sessionIssuer.arn}), to the IAM user ({@code userIdentity.arn})
 * or, for federated users, to the user that federated; root, service and web-identity calls are not
 * about a role's or user's policies and are skipped. The content is attacker-controlled: sizes and
 * depth are bounded, and an ARN that is not an IAM role or user ARN is ignored.
 */
public final class CloudTrailLogParser {

    /** What one file held. */
    public record FileResult(long records, long attributed) {}

    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "Client.UnauthorizedOperation", "UnauthorizedAccess", "AuthorizationError", "AuthorizationErrorException",
            "UnauthorizedException", "Forbidden", "AccessDeniedFault", "NotAuthorized", "NotAuthorizedException");

    private final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(16 * 1024 * 1024)
                    .maxNameLength(4096)
                    .maxNumberLength(256)
                    .build())
            .build();

    /** Parses {@code json} (already decompressed), feeding {@code sink}; closes nothing. */
    public FileResult parse(InputStream json, EventSink sink) {
        long records = 0;
        long attributed = 0;
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a CloudTrail log file is a JSON object");
            }
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken t = p.nextToken();
                if (name.equals("Records") && t == JsonToken.START_ARRAY) {
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t == JsonToken.START_OBJECT) {
                            records++;
                            if (record(p, sink)) {
                                attributed++;
                            }
                        } else if (t == null) {
                            throw new IllegalArgumentException("the log file ends inside Records");
                        } else if (t.isStructStart()) {
                            p.skipChildren();
                        }
                    }
                } else if (t.isStructStart()) {
                    p.skipChildren();
                }
            }
        }
        return new FileResult(records, attributed);
    }

    private boolean record(JsonParser p, EventSink sink) {
        String eventTime = null;
        String eventSource = null;
        String eventName = null;
        String region = null;
        String errorCode = null;
        String category = null;
        boolean management = true;
        Identity id = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "eventTime" -> eventTime = string(p, t);
                case "eventSource" -> eventSource = string(p, t);
                case "eventName" -> eventName = string(p, t);
                case "awsRegion" -> region = string(p, t);
                case "errorCode" -> errorCode = string(p, t);
                case "eventCategory" -> category = string(p, t);
                case "managementEvent" -> management = t != JsonToken.VALUE_FALSE;
                case "userIdentity" -> id = t == JsonToken.START_OBJECT ? identity(p) : skip(p, t);
                default -> {
                    if (t.isStructStart()) {
                        p.skipChildren();
                    }
                }
            }
        }
        if (id == null || eventSource == null || eventName == null || eventTime == null || "Insight".equals(category)) {
            return false;
        }
        String principal = switch (id.type == null ? "" : id.type) {
            case "AssumedRole" -> id.issuerArn;
            case "IAMUser" -> id.arn;
            case "FederatedUser" -> id.issuerArn;
            default -> null;
        };
        if (principal == null || !iamPrincipal(principal)) {
            return false;
        }
        long epoch = epochSecond(eventTime);
        if (epoch == Long.MIN_VALUE) {
            return false;
        }
        boolean denied = errorCode != null && DENIED.contains(errorCode);
        boolean data = !management || "Data".equals(category);
        sink.event(principal, eventSource, eventName, epoch, region, denied, data);
        return true;
    }

    private static final class Identity {
        String type;
        String arn;
        String issuerArn;
    }

    private static Identity identity(JsonParser p) {
        Identity id = new Identity();
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "type" -> id.type = string(p, t);
                case "arn" -> id.arn = string(p, t);
                case "sessionContext" -> {
                    if (t == JsonToken.START_OBJECT) {
                        sessionContext(p, id);
                    } else {
                        skip(p, t);
                    }
                }
                default -> skip(p, t);
            }
        }
        return id;
    }

    private static void sessionContext(JsonParser p, Identity id) {
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            if (name.equals("sessionIssuer") && t == JsonToken.START_OBJECT) {
                String n;
                while ((n = p.nextName()) != null) {
                    JsonToken v = p.nextToken();
                    if (n.equals("arn")) {
                        id.issuerArn = string(p, v);
                    } else {
                        skip(p, v);
                    }
                }
            } else {
                skip(p, t);
            }
        }
    }

    private static Identity skip(JsonParser p, JsonToken t) {
        if (t != null && t.isStructStart()) {
            p.skipChildren();
        }
        return null;
    }

    private static String string(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_STRING) {
            return p.getString();
        }
        skip(p, t);
        return null;
    }

    /** {@code arn:aws[-cn|-us-gov]:iam::<12 digits>:role/...} or {@code :user/...}, bounded. */
    static boolean iamPrincipal(String arn) {
        if (arn.length() > 2048 || !arn.startsWith("arn:aws")) {
            return false;
        }
        int iam = arn.indexOf(":iam::");
        if (iam < 0 || iam > 20 || arn.length() < iam + 6 + 12 + 6) {
            return false;
        }
        for (int i = iam + 6; i < iam + 18; i++) {
            char c = arn.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        String rest = arn.substring(iam + 18);
        return rest.startsWith(":role/") || rest.startsWith(":user/");
    }

    /** {@code 2026-09-01T12:34:56Z} quickly; anything else through the JDK; unparseable → MIN_VALUE. */
    static long epochSecond(String s) {
        if (s.length() == 20 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T' && s.charAt(13) == ':'
                && s.charAt(16) == ':' && s.charAt(19) == 'Z') {
            int y = digits(s, 0, 4);
            int mo = digits(s, 5, 2);
            int d = digits(s, 8, 2);
            int h = digits(s, 11, 2);
            int mi = digits(s, 14, 2);
            int se = digits(s, 17, 2);
            if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h < 24 && mi >= 0 && mi < 60
                    && se >= 0 && se < 61) {
                return java.time.LocalDate.of(y, mo, Math.min(d, java.time.YearMonth.of(y, mo).lengthOfMonth()))
                        .toEpochDay() * 86_400L + h * 3_600L + mi * 60L + se;
            }
        }
        try {
            return OffsetDateTime.parse(s).toEpochSecond();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s).getEpochSecond();
            } catch (DateTimeParseException e2) {
                return Long.MIN_VALUE;
            }
        }
    }

    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
