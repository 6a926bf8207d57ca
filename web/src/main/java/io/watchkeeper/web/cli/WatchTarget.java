package io.watchkeeper.web.cli;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.watchers.WatcherRegistry;
import io.watchkeeper.watchers.WatchRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** What {@code watch} and {@code scan} look at: accounts, types, regions (a picocli mixin). */
final class WatchTarget {

    @Option(names = "--account", description = "account name (repeatable; default: every active account)")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--type", description = "resource type, e.g. aws.s3.bucket (repeatable; default: all)")
    List<String> types = new ArrayList<>();

    @Option(names = "--region", description = "region (repeatable; default: each account's regions)")
    List<String> regions = new ArrayList<>();

    /** The manual watch request, or a clear error when there is nothing to watch. */
    WatchRequest request(Cli cli) {
        AccountStore store = cli.bean(AccountStore.class);
        WatcherRegistry registry = cli.bean(WatcherRegistry.class);
        Set<ResourceType> typeSet = new LinkedHashSet<>();
        types.forEach(t -> typeSet.add(registry.require(ResourceType.of(t).id()).type()));
        List<Account> chosen = accounts.isEmpty() ? store.list().stream().filter(Account::active).toList()
                : accounts.stream().map(store::require).toList();
        if (chosen.isEmpty()) {
            throw new InvalidInputException("no accounts to watch: add one with 'watchkeeper accounts add aws ...'");
        }
        return new WatchRequest(chosen, typeSet, new LinkedHashSet<>(regions), "manual", cli.actor(), true);
    }
}
