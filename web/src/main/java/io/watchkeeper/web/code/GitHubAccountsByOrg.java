package io.watchkeeper.web.code;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.github.GitHubSession;
import io.watchkeeper.github.GitHubSessionFactory;

/** The watched GitHub organisation (account) a webhook names, and a session to answer on GitHub. */
public final class GitHubAccountsByOrg {

    private final AccountStore accounts;
    private final GitHubSessionFactory sessions;

    public GitHubAccountsByOrg(AccountStore accounts, GitHubSessionFactory sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /** The active GitHub account of organisation {@code login}; NOT_FOUND when none is watched. */
    public Account find(String login) {
        return accounts.list().stream()
                .filter(a -> a.provider() == Provider.GITHUB && a.active() && !a.thirdParty()
                        && a.externalId().equalsIgnoreCase(login))
                .findFirst()
                .orElseThrow(() -> new WatchkeeperException(ErrorCategory.NOT_FOUND,
                        "no watched GitHub organisation '" + login + "' (add it with accounts add github)"));
    }

    public GitHubSession open(Account account) {
        return sessions.open(account);
    }
}
