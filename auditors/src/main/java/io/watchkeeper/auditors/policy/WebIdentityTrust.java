package io.watchkeeper.auditors.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Web-identity (OIDC) trust: a role that trusts a provider whose tokens anyone can obtain (GitHub
 * Actions, GitLab.com, Terraform Cloud, Google, Facebook, Login with Amazon, Cognito identity
 * pools) must pin the token's subject ({@code <provider>:sub}; for Cognito the identity pool,
 * {@code cognito-identity.amazonaws.com:aud}), or every user of that provider in the world can
 * assume it. An audience alone pins nothing for the shared CI providers: every GitHub workflow's
 * token carries {@code sts.amazonaws.com}. Private issuers (an EKS cluster, a company IdP) are
 * not reported: only their own identities hold tokens.
 */
public final class WebIdentityTrust {

    /** Shared issuers (host, lower case) and the claim that pins a caller. */
    private static final Map<String, String> SHARED = Map.of(
            "token.actions.githubusercontent.com", "sub",
            "gitlab.com", "sub",
            "app.terraform.io", "sub",
            "accounts.google.com", "sub",
            "graph.facebook.com", "sub",
            "www.amazon.com", "sub",
            "cognito-identity.amazonaws.com", "aud");
    private static final String ASSUME_WEB = "sts:AssumeRoleWithWebIdentity";

    private WebIdentityTrust() {}

    /**
     * A web-identity grant nobody pinned.
     *
     * @param statement the Allow statement
     * @param provider the Federated principal as written
     * @param issuer the issuer host
     * @param claim the claim that would pin it ({@code <issuer>:sub} or {@code …:aud})
     */
    public record Unpinned(Statement statement, String provider, String issuer, String claim) {

        /** Evidence key: statement and provider. */
        public String key() {
            return statement.key() + ":" + provider;
        }
    }

    /** The Allow statements that let any holder of a shared provider's token assume the role. */
    public static List<Unpinned> unpinned(List<Statement> statements) {
        List<Unpinned> out = new ArrayList<>();
        for (Statement s : statements) {
            if (!s.allow() || !allowsWebIdentity(s)) {
                continue;
            }
            for (Statement.Principal p : s.principals()) {
                if (!"Federated".equalsIgnoreCase(p.type())) {
                    continue;
                }
                String issuer = issuer(p.value());
                String claim = SHARED.get(issuer);
                if (claim != null && !pinned(s, issuer + ":" + claim)) {
                    out.add(new Unpinned(s, p.value(), issuer, issuer + ":" + claim));
                }
            }
        }
        return out;
    }

    private static boolean allowsWebIdentity(Statement s) {
        return s.notActions().isEmpty() ? s.actions().stream().anyMatch(a -> Wildcards.matches(a, ASSUME_WEB))
                : s.notActions().stream().noneMatch(a -> Wildcards.matches(a, ASSUME_WEB));
    }

    /** The issuer host of a Federated principal: an OIDC provider ARN's path, or the provider name itself. */
    static String issuer(String federated) {
        String v = federated == null ? "" : federated.trim().toLowerCase(Locale.ROOT);
        int marker = v.indexOf(":oidc-provider/");
        if (v.startsWith("arn:") && marker > 0) {
            v = v.substring(marker + ":oidc-provider/".length());
        }
        int slash = v.indexOf('/');
        return slash < 0 ? v : v.substring(0, slash);
    }

    /**
     * Whether a clause requires the claim to match concrete values: a positive operator without
     * {@code IfExists} or {@code ForAllValues:}, every value naming more than the claim's generic
     * prefix ({@code repo:*}, {@code project_path:*}, {@code organization:*} and bare wildcards pin nothing).
     */
    private static boolean pinned(Statement s, String claim) {
        for (Condition c : Condition.of(s.conditions())) {
            if (!c.key().equals(claim) || !c.positive() || c.ifExists() || c.qualifier() == Condition.Qualifier.ALL
                    || c.values().isEmpty()) {
                continue;
            }
            if (c.values().stream().allMatch(v -> concrete(v, c.wildcards()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean concrete(String value, boolean wildcards) {
        if (!wildcards) {
            return !value.isBlank();
        }
        int star = value.length();
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '*' || value.charAt(i) == '?') {
                star = i;
                break;
            }
        }
        String fixed = value.substring(0, star);
        int colon = fixed.indexOf(':');
        // something must follow the claim's type prefix ("repo:" + owner), and a wildcard-free value always pins
        return star == value.length() ? !value.isBlank() : colon >= 0 && colon < fixed.length() - 1;
    }
}
