package io.watchkeeper.benchmarks;

import io.watchkeeper.core.config.aws.Ec2InstanceConfig;
import io.watchkeeper.core.config.aws.IamRoleConfig;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic synthetic estate for the audit benchmark: per account, security groups (40%),
 * buckets (20%), roles (25%) and instances (15%), about one in ten misconfigured.
 */
final class SyntheticEstate {

    /** One synthetic item. */
    record Item(int account, String type, String region, String resourceId, String name, Record config) {}

    private SyntheticEstate() {}

    static String accountId(int account) {
        return String.format("5%011d", account);
    }

    static List<Item> account(int account, int items, long seed) {
        Random r = new Random(seed * 31 + account);
        List<Item> out = new ArrayList<>(items);
        String id = accountId(account);
        int groups = items * 40 / 100;
        int buckets = items * 20 / 100;
        int roles = items * 25 / 100;
        int instances = items - groups - buckets - roles;
        for (int i = 0; i < groups; i++) {
            out.add(new Item(account, "aws.ec2.security-group", "eu-west-1",
                    "arn:aws:ec2:eu-west-1:" + id + ":security-group/sg-" + i, "sg-" + i, group(i, r.nextInt(100))));
        }
        for (int i = 0; i < buckets; i++) {
            out.add(new Item(account, "aws.s3.bucket", "global", "arn:aws:s3:::b-" + id + "-" + i, "b-" + i,
                    bucket(id, i, r.nextInt(100))));
        }
        for (int i = 0; i < roles; i++) {
            out.add(new Item(account, "aws.iam.role", "global", "arn:aws:iam::" + id + ":role/r-" + i, "r-" + i,
                    role(id, i, r.nextInt(100))));
        }
        for (int i = 0; i < instances; i++) {
            out.add(new Item(account, "aws.ec2.instance", "eu-west-1", "arn:aws:ec2:eu-west-1:" + id + ":instance/i-" + i,
                    "i-" + i, instance(i, r.nextInt(100), r.nextInt(groups))));
        }
        return out;
    }

    /** The same item with a durable change that makes it misconfigured. */
    static Item mutate(Item item, int i) {
        String id = accountId(item.account());
        Record changed = switch (item.type()) {
            case "aws.ec2.security-group" -> group(i, 1);
            case "aws.s3.bucket" -> bucket(id, i, 1);
            case "aws.iam.role" -> role(id, i, 1);
            default -> instance(i, 1, 0);
        };
        return new Item(item.account(), item.type(), item.region(), item.resourceId(), item.name(), changed);
    }

    static SecurityGroupConfig group(int i, int dice) {
        String source = dice < 8 ? "0.0.0.0/0" : "10.0.0.0/8";
        int port = dice < 4 ? 5432 : dice < 8 ? 22 : 443;
        return parse(SecurityGroupConfig.class, "{'groupId':'sg-" + i + "','groupName':'g" + i + "','vpcId':'vpc-1',"
                + "'ingress':[{'protocol':'tcp','fromPort':" + port + ",'toPort':" + port + ",'sourceType':'cidr4',"
                + "'source':'" + source + "'},{'protocol':'tcp','fromPort':443,'toPort':443,'sourceType':'cidr4',"
                + "'source':'0.0.0.0/0'}],'egress':[{'protocol':'-1','sourceType':'cidr4','source':'0.0.0.0/0'}],"
                + "'tags':{'team':'t" + (i % 7) + "'}}");
    }

    static S3BucketConfig bucket(String account, int i, int dice) {
        String publicGrant = dice < 5 ? ",{'granteeType':'Group','grantee':'http://acs.amazonaws.com/groups/global/AllUsers',"
                + "'permission':'READ'}" : "";
        String policy = dice < 50 ? "" : ",'policy':{'json':{'Version':'2012-10-17','Statement':[{'Sid':'TLS','Effect':'Deny',"
                + "'Principal':'*','Action':'s3:*','Resource':['arn:aws:s3:::b-" + i + "','arn:aws:s3:::b-" + i + "/*'],"
                + "'Condition':{'Bool':{'aws:SecureTransport':'false'}}}]}}";
        String pab = dice < 70 ? ",'publicAccessBlock':{'blockPublicAcls':true,'ignorePublicAcls':true,"
                + "'blockPublicPolicy':true,'restrictPublicBuckets':true}" : "";
        return parse(S3BucketConfig.class, "{'name':'b-" + account + "-" + i + "','region':'eu-west-1','aclOwner':'o',"
                + "'aclGrants':[{'granteeType':'CanonicalUser','grantee':'o','permission':'FULL_CONTROL'}" + publicGrant + "],"
                + "'encryption':[{'algorithm':'AES256'}],'versioning':'Enabled','tags':{}" + policy + pab + "}");
    }

    static IamRoleConfig role(String account, int i, int dice) {
        String trust = dice < 3 ? "'*'" : dice < 50 ? "{'Service':'ec2.amazonaws.com'}" : "{'AWS':'arn:aws:iam::" + account + ":root'}";
        String action = dice < 5 ? "'*'" : "['s3:GetObject','s3:ListBucket','dynamodb:Query']";
        return parse(IamRoleConfig.class, "{'roleName':'r-" + i + "','arn':'arn:aws:iam::" + account + ":role/r-" + i + "',"
                + "'trustPolicy':{'json':{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':" + trust + ","
                + "'Action':'sts:AssumeRole'}]}},'inlinePolicies':[{'name':'p','document':{'json':{'Version':'2012-10-17',"
                + "'Statement':[{'Effect':'Allow','Action':" + action + ",'Resource':'*'}]}}}],"
                + "'attachedPolicyArns':[],'instanceProfileArns':[],'tags':{}}");
    }

    static Ec2InstanceConfig instance(int i, int dice, int group) {
        String tokens = dice < 20 ? "optional" : "required";
        return parse(Ec2InstanceConfig.class, "{'instanceId':'i-" + i + "','instanceType':'t3.micro','state':'running',"
                + "'hasPublicIp':" + (dice % 3 == 0) + ",'securityGroupIds':['sg-" + group + "'],"
                + "'iamInstanceProfileArn':" + (dice < 90 ? "'arn:aws:iam::1:instance-profile/p'" : "null") + ","
                + "'metadataOptions':{'httpTokens':'" + tokens + "','httpEndpoint':'enabled'},'tags':{}}");
    }

    private static <T extends Record> T parse(Class<T> type, String json) {
        return Json.read(json.replace('\'', '"'), type);
    }
}
