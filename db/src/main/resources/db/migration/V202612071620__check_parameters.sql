-- Thresholds of checks (minimum approvals, most owners, inactive days...) set per account or for every
-- account (account_id NULL); the account's row beats the global one. Names and ranges are declared by
-- the checks (ParameterSpec); values are validated by the one write path (CheckSettings).
CREATE TABLE check_parameter (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    check_id   text        NOT NULL,
    account_id bigint REFERENCES account (id) ON DELETE CASCADE,
    name       text        NOT NULL,
    value      bigint      NOT NULL,
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (check_id, account_id, name)
);
