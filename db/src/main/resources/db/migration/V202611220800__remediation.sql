-- Remediations: plans of exact API calls, their state, modes per remediation and account, global settings.
-- Every step is also written to audit_log (append-only).

CREATE TABLE remediation (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    remediation_id text        NOT NULL,
    finding_id     bigint      NOT NULL REFERENCES finding (id) ON DELETE CASCADE,
    account_id     bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    item_id        bigint      NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    resource_id    text        NOT NULL,
    region         text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('PLANNED', 'AWAITING_APPROVAL', 'APPROVED', 'REJECTED',
        'SUPERSEDED', 'APPLYING', 'APPLIED', 'VERIFIED', 'VERIFY_FAILED', 'FAILED', 'INTERRUPTED', 'ROLLING_BACK',
        'ROLLED_BACK', 'ROLLBACK_FAILED')),
    mode           text        NOT NULL CHECK (mode IN ('DRY_RUN', 'APPROVAL', 'AUTOMATIC')),
    plan           jsonb       NOT NULL,
    before_config  jsonb       NOT NULL,
    before_hash    text        NOT NULL,
    rollback_plan  jsonb,
    requested_by   text        NOT NULL,
    approved_by    text,
    error          text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    apply_started_at timestamptz
);
-- at most one pending plan per finding
CREATE UNIQUE INDEX remediation_pending_idx ON remediation (finding_id)
    WHERE status IN ('PLANNED', 'AWAITING_APPROVAL', 'APPROVED', 'APPLYING');
CREATE INDEX remediation_status_idx ON remediation (status, id);
CREATE INDEX remediation_account_applied_idx ON remediation (account_id, apply_started_at);

CREATE TABLE remediation_mode (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    remediation_id text        NOT NULL,
    account_id     bigint REFERENCES account (id) ON DELETE CASCADE,
    mode           text        NOT NULL CHECK (mode IN ('DRY_RUN', 'APPROVAL', 'AUTOMATIC')),
    updated_by     text        NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (remediation_id, account_id)
);

CREATE TABLE remediation_setting (
    id                               integer PRIMARY KEY CHECK (id = 1),
    kill_switch                      boolean     NOT NULL DEFAULT false,
    max_changes_per_account_per_hour integer     NOT NULL DEFAULT 10 CHECK (max_changes_per_account_per_hour >= 0),
    updated_by                       text        NOT NULL DEFAULT 'install',
    updated_at                       timestamptz NOT NULL DEFAULT now()
);
INSERT INTO remediation_setting (id) VALUES (1);
