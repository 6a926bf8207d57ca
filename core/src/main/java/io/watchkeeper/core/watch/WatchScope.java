package io.watchkeeper.core.watch;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.ResourceType;
import java.util.Objects;

/** The unit of watching: one resource type in one region of one account. */
public record WatchScope(Account account, String region, ResourceType type) {

    /** The region of account-wide resource types (IAM, S3 bucket listing). */
    public static final String GLOBAL = "global";

    public WatchScope {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(type, "type");
    }

    /** A stable key for leases and logs: {@code account-id/region/type}. */
    public String key() {
        return account.id() + "/" + region + "/" + type.id();
    }

    @Override
    public String toString() {
        return account.name() + "/" + region + "/" + type.id();
    }
}
