package io.watchkeeper.benchmarks;

import static io.watchkeeper.benchmarks.StubReply.str;
import static io.watchkeeper.benchmarks.SyntheticOrg.hash;
import static io.watchkeeper.benchmarks.SyntheticOrg.hex;
import static io.watchkeeper.benchmarks.SyntheticOrg.instant;

import io.watchkeeper.benchmarks.SyntheticOrg.Kind;

/**
 * JSON answers added with issue 14, as in the API references: Secrets Manager and ECR (JSON 1.1,
 * timestamps as epoch seconds), EKS and EFS (REST-JSON). Secret values are never served: the
 * watcher never asks for them.
 */
final class ContainerResponses {

    private final SyntheticOrg org;

    ContainerResponses(SyntheticOrg org) {
        this.org = org;
    }

    private String prefix(int a, int region) {
        return org.regions().get(region) + ":" + org.accountId(a);
    }

    private static long epoch(int a, Kind kind, int region, int i, int salt) {
        return instant(hash(a, kind, region, i, salt)).getEpochSecond();
    }

    private String policy(int a, String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReadFromCi\",\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"arn:aws:iam::" + org.accountId(a) + ":role/ci\"},\"Action\":\"" + action + "\",\"Resource\":\""
                + resource + "\"}]}";
    }

    // ---- Secrets Manager -----------------------------------------------------------------------

    private String secretArn(int a, int region, int i) {
        return "arn:aws:secretsmanager:" + prefix(a, region) + ":secret:app/secret-" + i + "-"
                + hex(hash(a, Kind.SECRET, region, i, 0), 6);
    }

    StubReply secretsManager(int a, int region, String action, String body) {
        switch (action) {
            case "ListSecrets" -> {
                StringBuilder s = new StringBuilder("{\"SecretList\":[");
                for (int i = 0; i < org.sizes().count(Kind.SECRET); i++) {
                    int v = org.version(a, Kind.SECRET, region, i);
                    boolean rotated = i % 2 == 0;
                    s.append(i == 0 ? "" : ",").append("{\"ARN\":").append(str(secretArn(a, region, i)))
                            .append(",\"Name\":\"app/secret-").append(i).append("\",\"Description\":\"database credentials\"")
                            .append(i % 3 == 0 ? ",\"KmsKeyId\":\"alias/app\"" : "")
                            .append(",\"RotationEnabled\":").append(rotated);
                    if (rotated) {
                        s.append(",\"RotationLambdaARN\":\"arn:aws:lambda:").append(prefix(a, region))
                                .append(":function:rotate\",\"RotationRules\":{\"AutomaticallyAfterDays\":").append(30 + v)
                                .append("},\"LastRotatedDate\":").append(epoch(a, Kind.SECRET, region, i, 1));
                    }
                    s.append(",\"LastChangedDate\":").append(epoch(a, Kind.SECRET, region, i, 2))
                            .append(",\"LastAccessedDate\":").append(epoch(a, Kind.SECRET, region, i, 3))
                            .append(",\"Tags\":[{\"Key\":\"team\",\"Value\":\"payments-").append(v).append("\"}],\"CreatedDate\":")
                            .append(epoch(a, Kind.SECRET, region, i, 4)).append('}');
                }
                return StubReply.json11(s.append("]}").toString());
            }
            case "GetResourcePolicy" -> {
                String id = body.replaceAll("(?s).*\"SecretId\"\\s*:\\s*\"([^\"]*)\".*", "$1");
                boolean withPolicy = id.contains("secret-1-");
                return StubReply.json11("{\"ARN\":" + str(id) + ",\"Name\":\"app/secret\"" + (withPolicy
                        ? ",\"ResourcePolicy\":" + str(policy(a, "secretsmanager:GetSecretValue", "*")) : "") + "}");
            }
            default -> {
                return null;
            }
        }
    }

    // ---- EKS (REST-JSON) -----------------------------------------------------------------------

    StubReply eks(int a, int region, String method, String path) {
        int count = org.sizes().count(Kind.EKS_CLUSTER);
        if (!"GET".equals(method)) {
            return null;
        }
        if ("/clusters".equals(path)) {
            StringBuilder s = new StringBuilder("{\"clusters\":[");
            for (int i = 0; i < count; i++) {
                s.append(i == 0 ? "" : ",").append("\"platform-").append(i).append('"');
            }
            return StubReply.restJson(s.append("]}").toString());
        }
        if (!path.startsWith("/clusters/platform-")) {
            return null;
        }
        int i = Integer.parseInt(path.substring("/clusters/platform-".length()));
        int v = org.version(a, Kind.EKS_CLUSTER, region, i);
        boolean open = a % 3 == 0;
        return StubReply.restJson("{\"cluster\":{\"name\":\"platform-" + i + "\",\"arn\":\"arn:aws:eks:" + prefix(a, region)
                + ":cluster/platform-" + i + "\",\"createdAt\":" + epoch(a, Kind.EKS_CLUSTER, region, i, 0)
                + ",\"version\":\"1.3" + (v % 3) + "\",\"roleArn\":\"arn:aws:iam::" + org.accountId(a) + ":role/eks-cluster\","
                + "\"resourcesVpcConfig\":{\"subnetIds\":[\"subnet-" + hex(hash(a, Kind.EKS_CLUSTER, region, i, 1), 17)
                + "\",\"subnet-" + hex(hash(a, Kind.EKS_CLUSTER, region, i, 2), 17) + "\"],\"securityGroupIds\":[],"
                + "\"clusterSecurityGroupId\":\"sg-" + hex(hash(a, Kind.EKS_CLUSTER, region, i, 3), 17) + "\",\"vpcId\":\""
                + NetworkResponses.vpcId(a, region, 1) + "\",\"endpointPublicAccess\":" + open
                + ",\"endpointPrivateAccess\":true,\"publicAccessCidrs\":[\"" + (open ? "0.0.0.0/0" : "203.0.113.0/24")
                + "\"]},\"logging\":{\"clusterLogging\":[{\"types\":[\"api\",\"audit\"],\"enabled\":" + (a % 2 == 0)
                + "},{\"types\":[\"authenticator\",\"controllerManager\",\"scheduler\"],\"enabled\":false}]},"
                + "\"status\":\"ACTIVE\",\"platformVersion\":\"eks.12\",\"tags\":{\"team\":\"platform\"},"
                + "\"encryptionConfig\":[{\"resources\":[\"secrets\"],\"provider\":{\"keyArn\":\"arn:aws:kms:" + prefix(a, region)
                + ":key/" + hex(hash(a, Kind.EKS_CLUSTER, region, i, 4), 32) + "\"}}],"
                + "\"accessConfig\":{\"authenticationMode\":\"API_AND_CONFIG_MAP\"}}}");
    }

    // ---- ECR (JSON 1.1) ------------------------------------------------------------------------

    StubReply ecr(int a, int region, String action, String body) {
        String registry = org.accountId(a);
        switch (action) {
            case "DescribeRepositories" -> {
                StringBuilder s = new StringBuilder("{\"repositories\":[");
                for (int i = 0; i < org.sizes().count(Kind.ECR_REPOSITORY); i++) {
                    int v = org.version(a, Kind.ECR_REPOSITORY, region, i);
                    String name = "services/app-" + i;
                    s.append(i == 0 ? "" : ",").append("{\"repositoryArn\":\"arn:aws:ecr:").append(prefix(a, region))
                            .append(":repository/").append(name).append("\",\"registryId\":\"").append(registry)
                            .append("\",\"repositoryName\":\"").append(name).append("\",\"repositoryUri\":\"").append(registry)
                            .append(".dkr.ecr.").append(org.regions().get(region)).append(".amazonaws.com/").append(name)
                            .append("\",\"createdAt\":").append(epoch(a, Kind.ECR_REPOSITORY, region, i, 0))
                            .append(",\"imageTagMutability\":\"").append(v % 2 == 0 ? "MUTABLE" : "IMMUTABLE")
                            .append("\",\"imageScanningConfiguration\":{\"scanOnPush\":").append(i % 2 == 0)
                            .append("},\"encryptionConfiguration\":{\"encryptionType\":\"AES256\"}}");
                }
                return StubReply.json11(s.append("]}").toString());
            }
            case "GetRegistryScanningConfiguration" -> {
                return StubReply.json11("{\"registryId\":\"" + registry + "\",\"scanningConfiguration\":{\"scanType\":\""
                        + (a % 2 == 0 ? "ENHANCED" : "BASIC") + "\",\"rules\":[" + (a % 2 == 0
                        ? "{\"scanFrequency\":\"CONTINUOUS_SCAN\",\"repositoryFilters\":[{\"filter\":\"services/*\","
                                + "\"filterType\":\"WILDCARD\"}]}" : "") + "]}}");
            }
            case "GetRepositoryPolicy" -> {
                String name = body.replaceAll("(?s).*\"repositoryName\"\\s*:\\s*\"([^\"]*)\".*", "$1");
                if (!name.endsWith("-0")) {
                    return StubReply.jsonError(400, "RepositoryPolicyNotFoundException",
                            "Repository policy does not exist for the repository with name '" + name + "'");
                }
                return StubReply.json11("{\"registryId\":\"" + registry + "\",\"repositoryName\":\"" + name
                        + "\",\"policyText\":" + str(policy(a, "ecr:BatchGetImage", "*")) + "}");
            }
            default -> {
                return null;
            }
        }
    }

    // ---- EFS (REST-JSON) -----------------------------------------------------------------------

    StubReply efs(int a, int region, String method, String path) {
        if (!"GET".equals(method) || !path.startsWith("/2015-02-01/file-systems")) {
            return null;
        }
        String rest = path.substring("/2015-02-01/file-systems".length());
        if (rest.isEmpty()) {
            StringBuilder s = new StringBuilder("{\"FileSystems\":[");
            for (int i = 0; i < org.sizes().count(Kind.EFS); i++) {
                int v = org.version(a, Kind.EFS, region, i);
                String id = fileSystemId(a, region, i);
                s.append(i == 0 ? "" : ",").append("{\"OwnerId\":\"").append(org.accountId(a)).append("\",\"CreationToken\":\"")
                        .append(id).append("\",\"FileSystemId\":\"").append(id).append("\",\"FileSystemArn\":\"")
                        .append("arn:aws:elasticfilesystem:").append(prefix(a, region)).append(":file-system/").append(id)
                        .append("\",\"CreationTime\":").append(epoch(a, Kind.EFS, region, i, 1))
                        .append(",\"LifeCycleState\":\"available\",\"Name\":\"shared-").append(i)
                        .append("\",\"NumberOfMountTargets\":").append(2 + v % 2)
                        .append(",\"SizeInBytes\":{\"Value\":6144},\"PerformanceMode\":\"generalPurpose\",\"Encrypted\":")
                        .append(a % 5 != 0).append(",\"ThroughputMode\":\"bursting\",\"Tags\":[{\"Key\":\"Name\",")
                        .append("\"Value\":\"shared-").append(i).append("\"}]}");
            }
            return StubReply.restJson(s.append("]}").toString());
        }
        String[] parts = rest.split("/");
        if (parts.length != 3) {
            return null;
        }
        if ("policy".equals(parts[2])) {
            return a % 2 == 0 ? StubReply.restJson("{\"FileSystemId\":\"" + parts[1] + "\",\"Policy\":"
                    + str(policy(a, "elasticfilesystem:ClientMount", "*")) + "}")
                    : new StubReply(404, "application/json", "{\"ErrorCode\":\"PolicyNotFound\",\"Message\":"
                            + "\"No policy found\"}", "PolicyNotFound");
        }
        if ("backup-policy".equals(parts[2])) {
            return StubReply.restJson("{\"BackupPolicy\":{\"Status\":\"" + (a % 3 == 0 ? "DISABLED" : "ENABLED") + "\"}}");
        }
        return null;
    }

    private String fileSystemId(int a, int region, int i) {
        return "fs-" + hex(hash(a, Kind.EFS, region, i, 0), 17);
    }
}
