package io.watchkeeper.benchmarks;

import static io.watchkeeper.benchmarks.SyntheticOrg.hash;
import static io.watchkeeper.benchmarks.SyntheticOrg.iamId;
import static io.watchkeeper.benchmarks.SyntheticOrg.instant;
import static io.watchkeeper.benchmarks.SyntheticOrg.pick;

import io.watchkeeper.benchmarks.SyntheticOrg.Kind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IAM answers in the query protocol's XML ({@code <ActionResponse><ActionResult>...}), as in the
 * IAM API reference: GetAccountAuthorizationDetails (Filter, MaxItems/Marker paging,
 * URL-encoded policy documents), GenerateCredentialReport, GetCredentialReport (base64 CSV with
 * the 22 documented columns) and GetAccountPasswordPolicy.
 */
final class IamResponses {

    static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    /** The columns of a real IAM credential report, in order. */
    static final List<String> REPORT_COLUMNS = List.of("user", "arn", "user_creation_time", "password_enabled",
            "password_last_used", "password_last_changed", "password_next_rotation", "mfa_active",
            "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
            "access_key_1_last_used_region", "access_key_1_last_used_service", "access_key_2_active",
            "access_key_2_last_rotated", "access_key_2_last_used_date", "access_key_2_last_used_region",
            "access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated", "cert_2_active",
            "cert_2_last_rotated");

    private static final List<String> SERVICES = List.of("billing", "checkout", "search", "ledger", "catalog",
            "identity", "reports", "ingest", "notify", "payments", "inventory", "pricing");
    private static final List<String> PEOPLE = List.of("amara", "bjorn", "chen", "dana", "emeka", "farah", "goran",
            "hana", "ivan", "jules", "kofi", "lena", "mateo", "nadia", "omar", "priya", "quinn", "rosa", "sven", "tariq");
    private static final List<String> GROUPS = List.of("admins", "developers", "readonly", "billing", "security-audit",
            "operations", "data-science", "support");
    private static final List<String> AWS_MANAGED = List.of("arn:aws:iam::aws:policy/ReadOnlyAccess",
            "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
            "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
            "arn:aws:iam::aws:policy/AdministratorAccess");
    private static final List<String> ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:ListBucket",
            "dynamodb:GetItem", "dynamodb:Query", "sqs:SendMessage", "sqs:ReceiveMessage", "kms:Decrypt",
            "logs:PutLogEvents", "ec2:DescribeInstances", "secretsmanager:GetSecretValue", "sns:Publish");

    private final SyntheticOrg org;

    IamResponses(SyntheticOrg org) {
        this.org = org;
    }

    // ---- names shared by several renderings ---------------------------------------------------

    String roleName(int a, int r) {
        long h = hash(a, Kind.ROLE, -1, r, 1);
        return pick(SERVICES, h) + "-" + pick(List.of("app", "lambda", "ec2", "deploy", "etl"), h >>> 8) + "-" + r;
    }

    String rolePath(int r) {
        return r % 7 == 3 ? "/service-role/" : "/";
    }

    String roleArn(int a, int r) {
        return "arn:aws:iam::" + org.accountId(a) + ":role" + rolePath(r) + roleName(a, r);
    }

    String userName(int a, int u) {
        return pick(PEOPLE, hash(a, Kind.USER, -1, u, 1)) + "." + String.format("%03d", u);
    }

    String userArn(int a, int u) {
        return "arn:aws:iam::" + org.accountId(a) + ":user" + userPath(u) + userName(a, u);
    }

    String userPath(int u) {
        return u % 4 == 3 ? "/service/" : "/people/";
    }

    Instant userCreated(int a, int u) {
        return instant(hash(a, Kind.USER, -1, u, 2));
    }

    String groupName(int a, int g) {
        return GROUPS.get(g % GROUPS.size()) + (g < GROUPS.size() ? "" : "-" + g);
    }

    String policyName(int a, int p) {
        return "policy-" + String.format("%02d", p) + "-" + pick(SERVICES, hash(a, Kind.POLICY, -1, p, 1));
    }

    String policyArn(int a, int p) {
        return "arn:aws:iam::" + org.accountId(a) + ":policy/custom/" + policyName(a, p);
    }

    static String encode(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A permissions document with {@code n} statements; {@code sid} tags the revision. */
    private String permissions(int a, long h, String sid, int statements) {
        StringBuilder s = new StringBuilder("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [");
        for (int i = 0; i < statements; i++) {
            long hi = SyntheticOrg.mix(h + i);
            String resource = switch ((int) Math.floorMod(hi, 4L)) {
                case 0 -> "arn:aws:s3:::wk-" + org.accountId(a) + "-" + String.format("%02d", Math.floorMod(hi >>> 4, 10L)) + "/*";
                case 1 -> "arn:aws:dynamodb:us-east-1:" + org.accountId(a) + ":table/" + pick(SERVICES, hi >>> 8);
                case 2 -> "arn:aws:sqs:eu-west-1:" + org.accountId(a) + ":" + pick(SERVICES, hi >>> 8) + "-queue";
                default -> "*";
            };
            s.append(i == 0 ? "\n" : ",\n").append("    {\n      \"Sid\": ").append(json(sid + i))
                    .append(",\n      \"Effect\": \"Allow\",\n      \"Action\": [")
                    .append(json(pick(ACTIONS, hi >>> 12))).append(", ").append(json(pick(ACTIONS, hi >>> 20)))
                    .append("],\n      \"Resource\": ").append(json(resource));
            if (Math.floorMod(hi >>> 28, 5L) == 0) {
                s.append(",\n      \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"}}");
            }
            s.append("\n    }");
        }
        return s.append("\n  ]\n}").toString();
    }

    private String trustPolicy(int a, int r) {
        long h = hash(a, Kind.ROLE, -1, r, 3);
        return switch ((int) Math.floorMod(h, 4L)) {
            case 0 -> "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
            case 1 -> "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
            case 2 -> "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                    + org.accountId(Math.floorMod(a + 1, org.sizes().accounts()))
                    + ":root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"ext-"
                    + SyntheticOrg.hex(h, 12) + "\"}}}]}";
            default -> "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::"
                    + org.accountId(a) + ":saml-provider/Okta\"},\"Action\":\"sts:AssumeRoleWithSAML\",\"Condition\":{\"StringEquals\":{\"SAML:aud\":\"https://signin.aws.amazon.com/saml\"}}}]}";
        };
    }

    private void attached(Xml x, int a, long h, int count) {
        x.open("AttachedManagedPolicies");
        Set<String> arns = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            long hi = SyntheticOrg.mix(h + 31L * i);
            if ((hi & 1) == 0 && org.sizes().policies() > 0) {
                arns.add(policyArn(a, (int) Math.floorMod(hi >>> 1, (long) org.sizes().policies())));
            } else {
                arns.add(pick(AWS_MANAGED.subList(0, 5), hi >>> 1));
            }
        }
        for (String arn : arns) {
            x.open("member").el("PolicyName", arn.substring(arn.lastIndexOf('/') + 1)).el("PolicyArn", arn)
                    .close("member");
        }
        x.close("AttachedManagedPolicies");
    }

    private void tags(Xml x, Map<String, String> tags) {
        x.open("Tags");
        tags.forEach((k, v) -> x.open("member").el("Key", k).el("Value", v).close("member"));
        x.close("Tags");
    }

    private void inline(Xml x, String name, String document) {
        x.open("member").el("PolicyName", name).el("PolicyDocument", encode(document)).close("member");
    }

    // ---- GetAccountAuthorizationDetails -------------------------------------------------------

    /** One entity of the account-wide list, in the order AWS returns them (users, groups, roles, policies). */
    private record Entity(Kind kind, int index) {}

    String getAccountAuthorizationDetails(int a, Map<String, String> params, String requestId) {
        Set<String> filter = new LinkedHashSet<>();
        for (int i = 1; params.containsKey("Filter.member." + i); i++) {
            filter.add(params.get("Filter.member." + i));
        }
        List<Entity> all = new ArrayList<>();
        if (filter.isEmpty() || filter.contains("User")) {
            for (int i = 0; i < org.sizes().users(); i++) {
                all.add(new Entity(Kind.USER, i));
            }
        }
        if (filter.isEmpty() || filter.contains("Group")) {
            for (int i = 0; i < org.sizes().groups(); i++) {
                all.add(new Entity(Kind.GROUP, i));
            }
        }
        if (filter.isEmpty() || filter.contains("Role")) {
            for (int i = 0; i < org.sizes().roles(); i++) {
                all.add(new Entity(Kind.ROLE, i));
            }
        }
        if (filter.isEmpty() || filter.contains("LocalManagedPolicy")) {
            for (int i = 0; i < org.sizes().policies(); i++) {
                all.add(new Entity(Kind.POLICY, i));
            }
        }
        int max = params.containsKey("MaxItems") ? Integer.parseInt(params.get("MaxItems")) : 100;
        max = Math.max(1, Math.min(max, 1000));
        int from = params.containsKey("Marker") ? decodeMarker(params.get("Marker")) : 0;
        int to = Math.min(all.size(), from + max);
        List<Entity> page = all.subList(Math.min(from, to), to);

        Xml x = new Xml(4096 + page.size() * 2600);
        x.open("GetAccountAuthorizationDetailsResponse", "xmlns=\"" + NS + "\"");
        x.open("GetAccountAuthorizationDetailsResult");
        x.el("IsTruncated", to < all.size());
        if (to < all.size()) {
            x.el("Marker", encodeMarker(to));
        }
        x.open("UserDetailList");
        page.stream().filter(e -> e.kind() == Kind.USER).forEach(e -> user(x, a, e.index()));
        x.close("UserDetailList");
        x.open("GroupDetailList");
        page.stream().filter(e -> e.kind() == Kind.GROUP).forEach(e -> group(x, a, e.index()));
        x.close("GroupDetailList");
        x.open("RoleDetailList");
        page.stream().filter(e -> e.kind() == Kind.ROLE).forEach(e -> role(x, a, e.index()));
        x.close("RoleDetailList");
        x.open("Policies");
        page.stream().filter(e -> e.kind() == Kind.POLICY).forEach(e -> policy(x, a, e.index()));
        x.close("Policies");
        x.close("GetAccountAuthorizationDetailsResult");
        metadata(x, requestId);
        x.close("GetAccountAuthorizationDetailsResponse");
        return x.toString();
    }

    static String encodeMarker(int offset) {
        return Base64.getEncoder().encodeToString(("wk-bench:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int decodeMarker(String marker) {
        String s = new String(Base64.getDecoder().decode(marker), StandardCharsets.UTF_8);
        return Integer.parseInt(s.substring(s.indexOf(':') + 1));
    }

    private void role(Xml x, int a, int r) {
        long h = hash(a, Kind.ROLE, -1, r, 0);
        int v = org.version(a, Kind.ROLE, r);
        String name = roleName(a, r);
        String arn = roleArn(a, r);
        String id = iamId("AROA", h);
        Instant created = instant(h >>> 3);
        String trust = trustPolicy(a, r);
        x.open("member");
        x.el("Path", rolePath(r)).el("RoleName", name).el("RoleId", id).el("Arn", arn).el("CreateDate", created)
                .el("AssumeRolePolicyDocument", encode(trust));
        x.open("InstanceProfileList");
        if (r % 4 == 0) {
            x.open("member").el("Path", "/").el("InstanceProfileName", name)
                    .el("InstanceProfileId", iamId("AIPA", h >>> 5)).el("Arn", instanceProfileArn(a, r))
                    .el("CreateDate", created);
            x.open("Roles").open("member").el("Path", rolePath(r)).el("RoleName", name).el("RoleId", id).el("Arn", arn)
                    .el("CreateDate", created).el("AssumeRolePolicyDocument", encode(trust)).close("member").close("Roles");
            x.close("member");
        }
        x.close("InstanceProfileList");
        x.open("RolePolicyList");
        inline(x, "access", permissions(a, h, "Rev" + v + "S", 2 + (int) Math.floorMod(h, 3L)));
        if (r % 3 == 1) {
            inline(x, "logs", permissions(a, h >>> 7, "Logs", 1));
        }
        x.close("RolePolicyList");
        attached(x, a, h >>> 11, 1 + (int) Math.floorMod(h >>> 13, 3L));
        if (r % 10 == 5 && org.sizes().policies() > 0) {
            x.open("PermissionsBoundary").el("PermissionsBoundaryType", "PermissionsBoundaryPolicy")
                    .el("PermissionsBoundaryArn", policyArn(a, 0)).close("PermissionsBoundary");
        }
        tags(x, new java.util.TreeMap<>(Map.of("team", pick(SERVICES, h >>> 17), "env",
                pick(List.of("prod", "staging", "dev"), h >>> 21), "managed-by", "terraform")));
        if (r % 6 == 5) {
            x.empty("RoleLastUsed");
        } else {
            x.open("RoleLastUsed").el("LastUsedDate", instant(h >>> 23)).el("Region", pick(org.regions(), h >>> 25))
                    .close("RoleLastUsed");
        }
        x.close("member");
    }

    String instanceProfileArn(int a, int r) {
        return "arn:aws:iam::" + org.accountId(a) + ":instance-profile/" + roleName(a, r);
    }

    private void user(Xml x, int a, int u) {
        long h = hash(a, Kind.USER, -1, u, 0);
        int v = org.version(a, Kind.USER, u);
        x.open("member");
        x.el("Path", userPath(u)).el("UserName", userName(a, u)).el("UserId", iamId("AIDA", h)).el("Arn", userArn(a, u))
                .el("CreateDate", userCreated(a, u));
        x.open("UserPolicyList");
        if (u % 5 == 0) {
            inline(x, "personal-sandbox", permissions(a, h, "Sandbox", 1));
        }
        x.close("UserPolicyList");
        x.open("GroupList");
        if (org.sizes().groups() > 0) {
            Set<String> groups = new LinkedHashSet<>();
            groups.add(groupName(a, u % org.sizes().groups()));
            if (u % 3 == 0) {
                groups.add(groupName(a, (u / 3) % org.sizes().groups()));
            }
            groups.forEach(g -> x.el("member", g));
        }
        x.close("GroupList");
        attached(x, a, h >>> 9, u % 4 == 0 ? 1 : 0);
        if (u % 4 == 3 && org.sizes().policies() > 0) {
            x.open("PermissionsBoundary").el("PermissionsBoundaryType", "PermissionsBoundaryPolicy")
                    .el("PermissionsBoundaryArn", policyArn(a, 0)).close("PermissionsBoundary");
        }
        tags(x, new java.util.TreeMap<>(Map.of("team", pick(SERVICES, h >>> 13),
                "cost-center", "cc-" + (1000 + Math.floorMod(h >>> 17, 9000L)) + (v == 0 ? "" : "-r" + v))));
        x.close("member");
    }

    private void group(Xml x, int a, int g) {
        long h = hash(a, Kind.GROUP, -1, g, 0);
        int v = org.version(a, Kind.GROUP, g);
        x.open("member");
        x.el("Path", "/").el("GroupName", groupName(a, g)).el("GroupId", iamId("AGPA", h))
                .el("Arn", "arn:aws:iam::" + org.accountId(a) + ":group/" + groupName(a, g))
                .el("CreateDate", instant(h >>> 3));
        x.open("GroupPolicyList");
        inline(x, "group-access", permissions(a, h, "Grp" + v + "S", 1 + (int) Math.floorMod(h, 3L)));
        x.close("GroupPolicyList");
        attached(x, a, h >>> 11, 1 + (int) Math.floorMod(h >>> 13, 2L));
        x.close("member");
    }

    private void policy(Xml x, int a, int p) {
        long h = hash(a, Kind.POLICY, -1, p, 0);
        int v = org.version(a, Kind.POLICY, p);
        int current = 1 + v;
        Instant created = instant(h >>> 3);
        x.open("member");
        x.el("PolicyName", policyName(a, p)).el("PolicyId", iamId("ANPA", h)).el("Arn", policyArn(a, p))
                .el("Path", "/custom/").el("DefaultVersionId", "v" + current)
                .el("AttachmentCount", Math.floorMod(h >>> 5, 12L)).el("PermissionsBoundaryUsageCount", p == 0 ? 3 : 0)
                .el("IsAttachable", true);
        if (p % 2 == 0) {
            x.el("Description", "Access for the " + pick(SERVICES, h >>> 7) + " service");
        }
        x.el("CreateDate", created).el("UpdateDate", created.plusSeconds(86_400L * v));
        x.open("PolicyVersionList");
        for (int n = Math.max(1, current - 4); n <= current; n++) {
            x.open("member").el("Document", encode(permissions(a, h, "V" + n + "S", 2 + (int) Math.floorMod(h >>> 9, 3L))))
                    .el("VersionId", "v" + n).el("IsDefaultVersion", n == current)
                    .el("CreateDate", created.plusSeconds(86_400L * (n - 1))).close("member");
        }
        x.close("PolicyVersionList");
        x.close("member");
    }

    // ---- credential report, password policy ---------------------------------------------------

    String generateCredentialReport(String requestId) {
        Xml x = new Xml(512);
        x.open("GenerateCredentialReportResponse", "xmlns=\"" + NS + "\"").open("GenerateCredentialReportResult")
                .el("State", "COMPLETE").el("Description", "No report exists. Starting a new report generation task")
                .close("GenerateCredentialReportResult");
        metadata(x, requestId);
        return x.close("GenerateCredentialReportResponse").toString();
    }

    String credentialReportCsv(int a) {
        StringBuilder csv = new StringBuilder(String.join(",", REPORT_COLUMNS)).append('\n');
        Instant rootCreated = SyntheticOrg.EPOCH.minusSeconds(86_400L * 400);
        boolean rootKey = rootKey(a);
        csv.append("<root_account>,arn:aws:iam::").append(org.accountId(a)).append(":root,").append(t(rootCreated))
                .append(",not_supported,").append(t(rootCreated.plusSeconds(86_400L * 30)))
                .append(",not_supported,not_supported,").append(a % 4 != 3).append(',').append(rootKey).append(',')
                .append(rootKey ? t(rootCreated.plusSeconds(86_400L * 2)) + ",N/A,N/A,N/A" : "N/A,N/A,N/A,N/A")
                .append(",false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n");
        for (int u = 0; u < org.sizes().users(); u++) {
            long h = hash(a, Kind.USER, -1, u, 5);
            Instant created = userCreated(a, u);
            boolean password = u % 4 != 3;
            boolean key1 = u % 5 != 1;
            csv.append(userName(a, u)).append(',').append(userArn(a, u)).append(',').append(t(created)).append(',')
                    .append(password).append(',')
                    .append(password ? (u % 6 == 0 ? "no_information" : t(created.plusSeconds(86_400L * 40))) : "N/A").append(',')
                    .append(password ? t(created.plusSeconds(3_600)) : "N/A").append(',')
                    .append(password ? t(created.plusSeconds(86_400L * 90)) : "N/A").append(',')
                    .append(password && u % 3 != 2).append(',')
                    .append(key1).append(',').append(key1 ? t(created.plusSeconds(86_400L * 2)) : "N/A").append(',')
                    .append(key1 ? t(created.plusSeconds(86_400L * 50)) : "N/A").append(',')
                    .append(key1 ? pick(org.regions(), h) : "N/A").append(',')
                    .append(key1 ? pick(List.of("s3", "ec2", "sts", "dynamodb"), h >>> 4) : "N/A").append(',')
                    .append("false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n");
        }
        return csv.toString();
    }

    /** The root user has an access key in one account of ten, and in others once its item was changed. */
    private boolean rootKey(int a) {
        int v = org.sizes().count(Kind.ROOT_ACCOUNT) > 0 ? org.version(a, Kind.ROOT_ACCOUNT, 0) : 0;
        return (a % 10 == 5) != (v % 2 == 1);
    }

    // ---- root account and server certificates (issue 14) --------------------------------------

    String getAccountSummary(int a, String requestId) {
        Xml x = new Xml(1200);
        x.open("GetAccountSummaryResponse", "xmlns=\"" + NS + "\"").open("GetAccountSummaryResult").open("SummaryMap");
        Map<String, Integer> summary = new java.util.LinkedHashMap<>();
        summary.put("Users", org.sizes().users());
        summary.put("Roles", org.sizes().roles());
        summary.put("Groups", org.sizes().groups());
        summary.put("Policies", org.sizes().policies());
        summary.put("MFADevices", org.sizes().users() / 2);
        summary.put("AccountMFAEnabled", a % 4 != 3 ? 1 : 0);
        summary.put("AccountAccessKeysPresent", rootKey(a) ? 1 : 0);
        summary.put("AccountSigningCertificatesPresent", 0);
        summary.put("ServerCertificates", org.sizes().count(Kind.SERVER_CERTIFICATE));
        summary.forEach((k, v) -> x.open("entry").el("key", k).el("value", v).close("entry"));
        x.close("SummaryMap").close("GetAccountSummaryResult");
        metadata(x, requestId);
        return x.close("GetAccountSummaryResponse").toString();
    }

    /** Assigned virtual MFA devices: the users' with MFA, and the root user's in one account of four. */
    String listVirtualMfaDevices(int a, String requestId) {
        Xml x = new Xml(600 + org.sizes().users() * 400);
        x.open("ListVirtualMFADevicesResponse", "xmlns=\"" + NS + "\"").open("ListVirtualMFADevicesResult")
                .el("IsTruncated", false).open("VirtualMFADevices");
        if (a % 4 == 1) {
            x.open("member").el("SerialNumber", "arn:aws:iam::" + org.accountId(a) + ":mfa/root-account-mfa-device")
                    .open("User").el("Arn", "arn:aws:iam::" + org.accountId(a) + ":root").el("UserId", org.accountId(a))
                    .el("CreateDate", SyntheticOrg.EPOCH.minusSeconds(86_400L * 400)).close("User")
                    .el("EnableDate", SyntheticOrg.EPOCH.minusSeconds(86_400L * 399)).close("member");
        }
        for (int u = 0; u < org.sizes().users(); u++) {
            if (u % 4 != 3 && u % 3 != 2) {
                x.open("member").el("SerialNumber", "arn:aws:iam::" + org.accountId(a) + ":mfa/" + userName(a, u))
                        .open("User").el("UserName", userName(a, u)).el("Arn", userArn(a, u))
                        .el("UserId", SyntheticOrg.iamId("AIDA", hash(a, Kind.USER, -1, u, 0)))
                        .el("CreateDate", userCreated(a, u)).close("User")
                        .el("EnableDate", userCreated(a, u).plusSeconds(3_600)).close("member");
            }
        }
        x.close("VirtualMFADevices").close("ListVirtualMFADevicesResult");
        metadata(x, requestId);
        return x.close("ListVirtualMFADevicesResponse").toString();
    }

    String listServerCertificates(int a, String requestId) {
        int count = org.sizes().count(Kind.SERVER_CERTIFICATE);
        Xml x = new Xml(600 + count * 500);
        x.open("ListServerCertificatesResponse", "xmlns=\"" + NS + "\"").open("ListServerCertificatesResult")
                .el("IsTruncated", false).open("ServerCertificateMetadataList");
        for (int c = 0; c < count; c++) {
            int v = org.version(a, Kind.SERVER_CERTIFICATE, c);
            Instant uploaded = SyntheticOrg.instant(hash(a, Kind.SERVER_CERTIFICATE, -1, c, 1)).plusSeconds(86_400L * v);
            String name = "legacy-www-" + c;
            x.open("member").el("ServerCertificateName", name).el("Path", "/")
                    .el("Arn", "arn:aws:iam::" + org.accountId(a) + ":server-certificate/" + name)
                    .el("ServerCertificateId", SyntheticOrg.iamId("ASCA", hash(a, Kind.SERVER_CERTIFICATE, -1, c, 2 + v)))
                    .el("UploadDate", uploaded).el("Expiration", uploaded.plusSeconds(86_400L * 397)).close("member");
        }
        x.close("ServerCertificateMetadataList").close("ListServerCertificatesResult");
        metadata(x, requestId);
        return x.close("ListServerCertificatesResponse").toString();
    }

    private static String t(Instant i) {
        return i.toString().replace("Z", "+00:00");
    }

    /** ListAccessKeys for one user: the key of the report's slot 1 (80 % of users), created when the report says. */
    String listAccessKeys(int a, String userName, String requestId) {
        int user = -1;
        for (int u = 0; u < org.sizes().users() && user < 0; u++) {
            if (userName(a, u).equals(userName)) {
                user = u;
            }
        }
        if (user < 0) {
            return null;
        }
        Xml x = new Xml(512);
        x.open("ListAccessKeysResponse", "xmlns=\"" + NS + "\"").open("ListAccessKeysResult").el("UserName", userName)
                .open("AccessKeyMetadata");
        if (user % 5 != 1) {
            x.open("member").el("UserName", userName).el("AccessKeyId", iamId("AKIA", hash(a, Kind.USER, -1, user, 9)).substring(0, 20))
                    .el("Status", "Active").el("CreateDate", userCreated(a, user).plusSeconds(86_400L * 2)).close("member");
        }
        x.close("AccessKeyMetadata").el("IsTruncated", "false").close("ListAccessKeysResult");
        metadata(x, requestId);
        return x.close("ListAccessKeysResponse").toString();
    }

    String getCredentialReport(int a, String requestId) {
        String content = Base64.getEncoder().encodeToString(credentialReportCsv(a).getBytes(StandardCharsets.UTF_8));
        Xml x = new Xml(content.length() + 512);
        x.open("GetCredentialReportResponse", "xmlns=\"" + NS + "\"").open("GetCredentialReportResult")
                .el("Content", content).el("ReportFormat", "text/csv")
                .el("GeneratedTime", SyntheticOrg.EPOCH.plusSeconds(86_400L * 1200)).close("GetCredentialReportResult");
        metadata(x, requestId);
        return x.close("GetCredentialReportResponse").toString();
    }

    /** Null when the account has no password policy (NoSuchEntity). */
    String getAccountPasswordPolicy(int a, String requestId) {
        int v = org.version(a, Kind.PASSWORD_POLICY, 0);
        if (a % 10 == 9 && v == 0) {
            return null;
        }
        Xml x = new Xml(1024);
        x.open("GetAccountPasswordPolicyResponse", "xmlns=\"" + NS + "\"").open("GetAccountPasswordPolicyResult")
                .open("PasswordPolicy")
                .el("MinimumPasswordLength", 14 + v).el("RequireSymbols", true).el("RequireNumbers", true)
                .el("RequireUppercaseCharacters", true).el("RequireLowercaseCharacters", true)
                .el("AllowUsersToChangePassword", true).el("ExpirePasswords", a % 3 == 0);
        if (a % 3 == 0) {
            x.el("MaxPasswordAge", 90);
        }
        x.el("PasswordReusePrevention", 24).el("HardExpiry", false)
                .close("PasswordPolicy").close("GetAccountPasswordPolicyResult");
        metadata(x, requestId);
        return x.close("GetAccountPasswordPolicyResponse").toString();
    }

    static void metadata(Xml x, String requestId) {
        x.open("ResponseMetadata").el("RequestId", requestId).close("ResponseMetadata");
    }
}
