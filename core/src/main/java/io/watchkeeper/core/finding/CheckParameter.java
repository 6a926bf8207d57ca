package io.watchkeeper.core.finding;

/**
 * A check parameter set by someone: for one account, or for every account ({@code accountId} null);
 * the account's value beats the one for every account.
 */
public record CheckParameter(String checkId, Long accountId, String name, long value) {}
