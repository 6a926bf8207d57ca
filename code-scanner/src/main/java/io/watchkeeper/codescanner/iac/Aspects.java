package io.watchkeeper.codescanner.iac;

import io.watchkeeper.codescanner.iac.mapping.Planned;

/** Which declaration a finding points at: the split resource that sets the aspect the check judges, else the main one. */
final class Aspects {

    private Aspects() {}

    static String of(String checkId) {
        String name = checkId.substring(checkId.indexOf('/') + 1);
        return switch (name) {
            case "block-public-access-off" -> "public-access-block";
            case "public-acl", "acl-unknown-grantee" -> "acl";
            case "versioning-off", "mfa-delete-off" -> "versioning";
            case "no-default-encryption" -> "encryption";
            case "access-logging-off" -> "logging";
            case "public-policy", "unknown-account-policy", "unparseable-policy", "insecure-transport" -> "policy";
            case "admin-port-open", "all-ports-open", "database-port-open", "unknown-account-reference",
                 "default-group-allows-traffic" -> "ingress";
            case "inline-full-admin", "inline-not-action", "inline-passrole-star" -> "inline-policy";
            case "admin-policy-attached" -> "attachment";
            default -> "";
        };
    }

    static IacResource locate(String checkId, Planned p) {
        IacResource part = p.parts().get(of(checkId));
        return part != null ? part : p.origin();
    }
}
