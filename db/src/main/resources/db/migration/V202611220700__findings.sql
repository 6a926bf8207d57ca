-- Findings with stable identities, their history, suppression rules, per-check overrides, audit runs.

CREATE TABLE finding (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fingerprint             text        NOT NULL UNIQUE,
    check_id                text        NOT NULL,
    account_id              bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    item_id                 bigint      NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    resource_type           text        NOT NULL,
    region                  text        NOT NULL,
    resource_id             text        NOT NULL,
    resource_name           text        NOT NULL,
    evidence_key            text        NOT NULL,
    evidence                jsonb       NOT NULL,
    evidence_hash           text        NOT NULL,
    message                 text        NOT NULL,
    severity                text        NOT NULL CHECK (severity IN ('INFO', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    exposure                text        NOT NULL,
    score                   integer     NOT NULL CHECK (score BETWEEN 0 AND 100),
    score_breakdown         jsonb       NOT NULL,
    controls                text[]      NOT NULL DEFAULT '{}',
    status                  text        NOT NULL
        CHECK (status IN ('OPEN', 'REGRESSED', 'JUSTIFIED', 'SUPPRESSED', 'FIXED', 'DISABLED')),
    justified_by            text,
    justification           text,
    justified_until         timestamptz,
    justified_evidence_hash text,
    suppression_rule_id     bigint,
    regressions             integer     NOT NULL DEFAULT 0,
    first_seen              timestamptz NOT NULL DEFAULT now(),
    status_changed_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'JUSTIFIED') = (justified_by IS NOT NULL AND justified_until IS NOT NULL))
);
CREATE INDEX finding_item_idx ON finding (item_id);
CREATE INDEX finding_status_score_idx ON finding (status, score DESC, id);
CREATE INDEX finding_account_status_idx ON finding (account_id, status);
CREATE INDEX finding_check_status_idx ON finding (check_id, status);

-- Everything that happened to a finding: opened, fixed, regressed, justified, reopened, suppressed, rescored...
CREATE TABLE finding_event (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    finding_id bigint      NOT NULL REFERENCES finding (id) ON DELETE CASCADE,
    at         timestamptz NOT NULL DEFAULT now(),
    event      text        NOT NULL,
    actor      text        NOT NULL,
    details    jsonb
);
CREATE INDEX finding_event_finding_idx ON finding_event (finding_id, at);

CREATE TABLE suppression_rule (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    check_pattern    text        NOT NULL,
    account_id       bigint REFERENCES account (id) ON DELETE CASCADE,
    resource_pattern text,
    reason           text        NOT NULL,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz,
    removed_at       timestamptz,
    removed_by       text
);

CREATE TABLE check_override (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    check_id   text        NOT NULL,
    account_id bigint REFERENCES account (id) ON DELETE CASCADE,
    enabled    boolean     NOT NULL DEFAULT true,
    severity   text CHECK (severity IN ('INFO', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (check_id, account_id)
);

CREATE TABLE audit_run (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trigger     text        NOT NULL,
    actor       text        NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    items       integer,
    evaluations bigint,
    opened      integer,
    regressed   integer,
    reopened    integer,
    fixed       integer,
    errors      integer
);
