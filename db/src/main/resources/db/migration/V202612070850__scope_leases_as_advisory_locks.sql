-- Scope leases are PostgreSQL session-level advisory locks now (they end with the holder's
-- connection); the expiring lease rows are no longer used.
DROP TABLE IF EXISTS scope_lease;
