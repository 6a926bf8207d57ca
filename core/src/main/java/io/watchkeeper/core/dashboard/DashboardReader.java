package io.watchkeeper.core.dashboard;

import io.watchkeeper.core.access.AccountScope;

/** Computes the dashboard's figures for one account scope (aggregates in the database). */
public interface DashboardReader {

    DashboardSummary compute(AccountScope scope);
}
