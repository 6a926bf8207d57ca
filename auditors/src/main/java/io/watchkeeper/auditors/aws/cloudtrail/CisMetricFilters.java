package io.watchkeeper.auditors.aws.cloudtrail;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The metric filters of CIS AWS Foundations v3.0.0 section 4 (4.1–4.15): for each recommendation the
 * filter patterns its audit accepts (the benchmark's, and the earlier benchmark versions' form where
 * it differs and catches at least the same events), compared in {@link FilterPattern}'s canonical form.
 */
final class CisMetricFilters {

    /**
     * One recommendation.
     *
     * @param cis its id
     * @param slug the check id's suffix after {@code no-alarm-}
     * @param events what the filter catches, for titles and messages
     * @param canonical the accepted patterns in canonical form
     */
    record Control(String cis, String slug, String events, Set<String> canonical) {

        boolean accepts(String pattern) {
            return FilterPattern.canonical(pattern).map(canonical::contains).orElse(false);
        }
    }

    private static Control control(String cis, String slug, String events, String... patterns) {
        Set<String> canonical = java.util.Arrays.stream(patterns).map(FilterPattern::canonical)
                .map(Optional::orElseThrow).collect(Collectors.toUnmodifiableSet());
        return new Control(cis, slug, events, canonical);
    }

    private static String anyEvent(String... names) {
        return java.util.Arrays.stream(names).map(n -> "($.eventName = " + n + ")").collect(Collectors.joining(" || "));
    }

    static final List<Control> ALL = List.of(
            control("4.1", "unauthorized-api-calls", "unauthorized API calls",
                    "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") && "
                            + "($.sourceIPAddress != \"delivery.logs.amazonaws.com\") && ($.eventName != \"HeadBucket\") }",
                    "{ (($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\")) && "
                            + "($.sourceIPAddress != \"delivery.logs.amazonaws.com\") && ($.eventName != \"HeadBucket\") }",
                    "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }"),
            control("4.2", "console-login-without-mfa", "console sign-ins without MFA",
                    "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }",
                    "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") && "
                            + "($.userIdentity.type = \"IAMUser\") && ($.responseElements.ConsoleLogin = \"Success\") }"),
            control("4.3", "root-usage", "use of the root user",
                    "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && "
                            + "$.eventType != \"AwsServiceEvent\" }"),
            control("4.4", "iam-policy-changes", "IAM policy changes",
                    "{ " + anyEvent("DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy",
                            "PutRolePolicy", "PutUserPolicy", "CreatePolicy", "DeletePolicy", "CreatePolicyVersion",
                            "DeletePolicyVersion", "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy",
                            "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy") + " }"),
            control("4.5", "cloudtrail-changes", "CloudTrail configuration changes",
                    "{ " + anyEvent("CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging") + " }"),
            control("4.6", "console-auth-failures", "console authentication failures",
                    "{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed authentication\") }"),
            control("4.7", "kms-key-disable-or-deletion", "disabling or scheduled deletion of customer managed keys",
                    "{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || "
                            + "($.eventName = ScheduleKeyDeletion)) }"),
            control("4.8", "s3-bucket-policy-changes", "S3 bucket policy changes",
                    "{ ($.eventSource = s3.amazonaws.com) && (" + anyEvent("PutBucketAcl", "PutBucketPolicy",
                            "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication", "DeleteBucketPolicy",
                            "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication") + ") }"),
            control("4.9", "config-changes", "AWS Config configuration changes",
                    "{ ($.eventSource = config.amazonaws.com) && (" + anyEvent("StopConfigurationRecorder",
                            "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder") + ") }"),
            control("4.10", "security-group-changes", "security group changes",
                    "{ " + anyEvent("AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
                            "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress", "CreateSecurityGroup",
                            "DeleteSecurityGroup") + " }"),
            control("4.11", "network-acl-changes", "network ACL changes",
                    "{ " + anyEvent("CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl",
                            "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation") + " }"),
            control("4.12", "network-gateway-changes", "network gateway changes",
                    "{ " + anyEvent("CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway",
                            "CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway") + " }"),
            control("4.13", "route-table-changes", "route table changes",
                    "{ ($.eventSource = ec2.amazonaws.com) && (" + anyEvent("CreateRoute", "CreateRouteTable",
                            "ReplaceRoute", "ReplaceRouteTableAssociation", "DeleteRouteTable", "DeleteRoute",
                            "DisassociateRouteTable") + ") }",
                    "{ ($.eventSource = ec2.amazonaws.com) && " + anyEvent("CreateRoute", "CreateRouteTable",
                            "ReplaceRoute", "ReplaceRouteTableAssociation", "DeleteRouteTable", "DeleteRoute",
                            "DisassociateRouteTable") + " }",
                    "{ " + anyEvent("CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation",
                            "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable") + " }"),
            control("4.14", "vpc-changes", "VPC changes",
                    "{ " + anyEvent("CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection",
                            "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection",
                            "AttachClassicLinkVpc", "DetachClassicLinkVpc", "DisableVpcClassicLink",
                            "EnableVpcClassicLink") + " }"),
            control("4.15", "organizations-changes", "AWS Organizations changes",
                    "{ ($.eventSource = organizations.amazonaws.com) && (" + anyEvent("AcceptHandshake", "AttachPolicy",
                            "CreateAccount", "CreateOrganizationalUnit", "CreatePolicy", "DeclineHandshake",
                            "DeleteOrganization", "DeleteOrganizationalUnit", "DeletePolicy", "DetachPolicy",
                            "DisablePolicyType", "EnablePolicyType", "InviteAccountToOrganization", "LeaveOrganization",
                            "MoveAccount", "RemoveAccountFromOrganization", "UpdatePolicy", "UpdateOrganizationalUnit")
                            + ") }"));

    private CisMetricFilters() {}
}
