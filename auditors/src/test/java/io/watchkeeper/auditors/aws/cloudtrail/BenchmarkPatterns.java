package io.watchkeeper.auditors.aws.cloudtrail;

import java.util.Map;

/**
 * The metric filter patterns of CIS AWS Foundations v3.0.0, 4.1–4.15, as a user copies them from the
 * benchmark's remediation (spacing and quoting as printed), kept apart from the main code's table so
 * the tests compare two independent transcriptions.
 */
final class BenchmarkPatterns {

    private static final Map<String, String> BY_ID = Map.ofEntries(
            Map.entry("4.1", "{($.errorCode =\"*UnauthorizedOperation\") || ($.errorCode =\"AccessDenied*\") && "
                    + "($.sourceIPAddress!=\"delivery.logs.amazonaws.com\") && ($.eventName!=\"HeadBucket\")}"),
            Map.entry("4.2", "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }"),
            Map.entry("4.3", "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "
                    + "\"AwsServiceEvent\" }"),
            Map.entry("4.4", "{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)"
                    + "||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||"
                    + "($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||"
                    + "($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||"
                    + "($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||"
                    + "($.eventName=DetachGroupPolicy)}"),
            Map.entry("4.5", "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || "
                    + "($.eventName = StartLogging) || ($.eventName = StopLogging) }"),
            Map.entry("4.6", "{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed authentication\") }"),
            Map.entry("4.7", "{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||"
                    + "($.eventName=ScheduleKeyDeletion)) }"),
            Map.entry("4.8", "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = "
                    + "PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || "
                    + "($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = "
                    + "DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = "
                    + "DeleteBucketReplication)) }"),
            Map.entry("4.9", "{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||"
                    + "($.eventName=DeleteDeliveryChannel) ||($.eventName=PutDeliveryChannel)||"
                    + "($.eventName=PutConfigurationRecorder)) }"),
            Map.entry("4.10", "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = "
                    + "AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = "
                    + "RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = "
                    + "DeleteSecurityGroup) }"),
            Map.entry("4.11", "{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || "
                    + "($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = "
                    + "ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }"),
            Map.entry("4.12", "{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || "
                    + "($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = "
                    + "DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }"),
            Map.entry("4.13", "{($.eventSource = ec2.amazonaws.com) && ($.eventName = CreateRoute) || ($.eventName = "
                    + "CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || "
                    + "($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = "
                    + "DisassociateRouteTable) }"),
            Map.entry("4.14", "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = "
                    + "ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = "
                    + "CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = "
                    + "RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = "
                    + "DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = "
                    + "EnableVpcClassicLink) }"),
            Map.entry("4.15", "{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = \"AcceptHandshake\") || "
                    + "($.eventName = \"AttachPolicy\") || ($.eventName = \"CreateAccount\") || ($.eventName = "
                    + "\"CreateOrganizationalUnit\") || ($.eventName = \"CreatePolicy\") || ($.eventName = "
                    + "\"DeclineHandshake\") || ($.eventName = \"DeleteOrganization\") || ($.eventName = "
                    + "\"DeleteOrganizationalUnit\") || ($.eventName = \"DeletePolicy\") || ($.eventName = "
                    + "\"DetachPolicy\") || ($.eventName = \"DisablePolicyType\") || ($.eventName = "
                    + "\"EnablePolicyType\") || ($.eventName = \"InviteAccountToOrganization\") || ($.eventName = "
                    + "\"LeaveOrganization\") || ($.eventName = \"MoveAccount\") || ($.eventName = "
                    + "\"RemoveAccountFromOrganization\") || ($.eventName = \"UpdatePolicy\") || ($.eventName = "
                    + "\"UpdateOrganizationalUnit\")) }"));

    private BenchmarkPatterns() {}

    static String of(String cis) {
        return BY_ID.get(cis);
    }
}
