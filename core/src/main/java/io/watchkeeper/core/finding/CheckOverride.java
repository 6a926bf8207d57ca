package io.watchkeeper.core.finding;

/**
 * A per-check setting, for every account (accountId null) or one; the account row wins.
 *
 * @param checkId the check
 * @param accountId the account, or null for all
 * @param enabled false turns the check off
 * @param severity replaces the check's severity (re-score), or null
 */
public record CheckOverride(String checkId, Long accountId, boolean enabled, Severity severity) {}
