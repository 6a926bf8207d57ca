-- Remediation guard rails: four eyes, rollback against the state Watchkeeper left, an atomic blast radius.

-- The person who planned (user name, cli:<os user> or job:<name>; requested_by is the actor, with its token):
-- that person may not approve the plan unless the mode is automatic.
ALTER TABLE remediation ADD COLUMN planned_by text;
UPDATE remediation SET planned_by = regexp_replace(requested_by, ' \(token [0-9]+\)$', '');
ALTER TABLE remediation ALTER COLUMN planned_by SET NOT NULL;

-- The durable hash of the resource as Watchkeeper last left it (re-watched after the apply or the rollback);
-- a rollback is refused when the resource no longer has it (changed by someone else), unless forced.
ALTER TABLE remediation ADD COLUMN after_hash text;

-- Every change made in an account (apply or rollback), counted for the per-account hourly limit. A change is
-- claimed under a transaction-level advisory lock per account, so nodes sharing the database count and claim
-- atomically.
CREATE TABLE remediation_change (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id         bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    remediation_row_id bigint      REFERENCES remediation (id) ON DELETE SET NULL, -- the count outlives its plan
    kind               text        NOT NULL CHECK (kind IN ('APPLY', 'ROLLBACK')),
    started_at         timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX remediation_change_account_idx ON remediation_change (account_id, started_at);
INSERT INTO remediation_change (account_id, remediation_row_id, kind, started_at)
    SELECT account_id, id, 'APPLY', apply_started_at FROM remediation WHERE apply_started_at IS NOT NULL;
DROP INDEX remediation_account_applied_idx;
