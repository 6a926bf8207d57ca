package io.watchkeeper.aws;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.Provider;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.organizations.model.AccountStatus;

/** Member accounts of the hub credential's AWS Organization, for account discovery. */
public final class AwsOrganizations {

    private AwsOrganizations() {}

    /** One member account. */
    public record Member(String accountId, String name, String email) {}

    /** Active members, from {@code organizations:ListAccounts} with the hub credential. */
    public static List<Member> activeMembers(AwsSessionFactory factory) {
        Account hub = new Account(0, Provider.AWS, "hub", "000000000000", AccountAccess.NONE, List.of(), null, true, false);
        try (AwsSession session = factory.openHub(hub)) {
            return session.organizations().listAccountsPaginator().stream().flatMap(page -> page.accounts().stream())
                    .filter(a -> a.status() == AccountStatus.ACTIVE)
                    .map(a -> new Member(a.id(), a.name(), a.email()))
                    .toList();
        } catch (RuntimeException e) {
            throw AwsErrors.translate("listing the organization's accounts", e);
        }
    }

    /** A valid Watchkeeper account name from the member's name (falls back to its id). */
    public static String safeName(Member member) {
        String name = member.name() == null ? "" : member.name().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_.-]+", "-").replaceAll("^[^a-z0-9]+", "");
        if (name.isEmpty()) {
            return "aws-" + member.accountId();
        }
        String suffix = "-" + member.accountId().substring(8);
        return (name.length() > 58 ? name.substring(0, 58) : name) + suffix;
    }
}
