-- IAM tuner (issue 12): usage evidence per principal and action (state, never one row per event),
-- CloudTrail reading state, plans with their principals, applied changes (exact before/after documents),
-- opt-outs and settings. Every write by a person or a job is also in audit_log
-- (targets tuner-plan:<id>@<account id>, tuner-change:<id>@<account id>, tuner-opt-out:<id>@<account id>).

CREATE TABLE tuner_evidence (
    principal_arn text        NOT NULL,
    action        text        NOT NULL,
    source        text        NOT NULL CHECK (source IN ('CLOUDTRAIL', 'CLOUDTRAIL_DENIED', 'LAST_ACCESSED_ACTION',
        'LAST_ACCESSED_SERVICE')),
    last_seen     timestamptz,
    event_count   bigint      NOT NULL DEFAULT 0,
    region        text,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (principal_arn, action, source)
);
CREATE INDEX tuner_evidence_denied_idx ON tuner_evidence (principal_arn, last_seen) WHERE source = 'CLOUDTRAIL_DENIED';

-- actions seen in an account's logs at all: proof that the trail logs them
CREATE TABLE tuner_logged_action (
    log_account text        NOT NULL,
    action      text        NOT NULL,
    last_seen   timestamptz NOT NULL,
    PRIMARY KEY (log_account, action)
);

CREATE TABLE tuner_unmapped_event (
    principal_arn text        NOT NULL,
    event_source  text        NOT NULL,
    event_name    text        NOT NULL,
    last_seen     timestamptz NOT NULL,
    event_count   bigint      NOT NULL,
    PRIMARY KEY (principal_arn, event_source, event_name)
);

CREATE TABLE tuner_last_accessed_run (
    principal_arn text PRIMARY KEY,
    available     boolean     NOT NULL,
    message       text,
    generated_at  timestamptz NOT NULL
);

CREATE TABLE tuner_trail (
    account_id          bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    bucket              text        NOT NULL,
    key_prefix          text        NOT NULL,
    trail_arn           text        NOT NULL,
    home_region         text        NOT NULL,
    multi_region        boolean     NOT NULL,
    organization        boolean     NOT NULL,
    management_events   boolean     NOT NULL,
    data_resource_types text[]      NOT NULL,
    updated_at          timestamptz NOT NULL,
    PRIMARY KEY (account_id, bucket, key_prefix)
);

CREATE TABLE tuner_trail_cursor (
    account_id       bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    bucket           text        NOT NULL,
    key_prefix       text        NOT NULL,
    log_account      text        NOT NULL,
    region           text        NOT NULL,
    coverage_start   date,
    complete_through date,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (account_id, bucket, key_prefix)
);

CREATE TABLE tuner_trail_object (
    account_id bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    bucket     text        NOT NULL,
    key_prefix text        NOT NULL,
    object_key text        NOT NULL,
    day        date        NOT NULL,
    records    bigint      NOT NULL,
    error      text,
    read_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, bucket, object_key)
);
CREATE INDEX tuner_trail_object_prefix_idx ON tuner_trail_object (account_id, bucket, key_prefix, day);

CREATE TABLE tuner_setting (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    principal_arn text,
    window_days   int CHECK (window_days BETWEEN 1 AND 400),
    auto_apply    boolean,
    auto_restore  boolean,
    notice_days   int CHECK (notice_days BETWEEN 0 AND 90),
    updated_by    text        NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (account_id, principal_arn)
);

CREATE TABLE tuner_opt_out (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    principal_arn text        NOT NULL,
    owner         text        NOT NULL,
    reason        text        NOT NULL,
    until         timestamptz NOT NULL,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    removed_by    text,
    removed_at    timestamptz
);
CREATE UNIQUE INDEX tuner_opt_out_active_idx ON tuner_opt_out (account_id, principal_arn) WHERE removed_at IS NULL;

CREATE TABLE tuner_plan (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id       bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    status           text        NOT NULL CHECK (status IN ('PLANNED', 'SCHEDULED', 'APPLYING', 'APPLIED', 'PARTIAL',
        'FAILED', 'CANCELLED')),
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    window_days      int         NOT NULL,
    principal_filter text,
    evidence_note    text        NOT NULL,
    catalog_source   text        NOT NULL,
    apply_after      timestamptz,
    scheduled_by     text,
    scheduled_at     timestamptz,
    applied_by       text,
    applied_at       timestamptz,
    summary          jsonb       NOT NULL
);
CREATE INDEX tuner_plan_account_idx ON tuner_plan (account_id, id DESC);
CREATE INDEX tuner_plan_due_idx ON tuner_plan (apply_after) WHERE status = 'SCHEDULED';

CREATE TABLE tuner_plan_principal (
    plan_id        bigint  NOT NULL REFERENCES tuner_plan (id) ON DELETE CASCADE,
    principal_arn  text    NOT NULL,
    principal_type text    NOT NULL CHECK (principal_type IN ('ROLE', 'USER', 'POLICY')),
    eligible       boolean NOT NULL,
    reason         text,
    granted        int     NOT NULL,
    used           int     NOT NULL,
    unused         int     NOT NULL,
    unknown        int     NOT NULL,
    removed        int     NOT NULL,
    proof_ok       boolean,
    before_hash    text    NOT NULL,
    detail         jsonb   NOT NULL,
    PRIMARY KEY (plan_id, principal_arn)
);

CREATE TABLE tuner_change (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id         bigint      NOT NULL REFERENCES tuner_plan (id) ON DELETE CASCADE,
    account_id      bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    principal_arn   text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('APPLYING', 'APPLIED', 'FAILED', 'ROLLING_BACK', 'ROLLED_BACK',
        'ROLLBACK_FAILED')),
    edits           jsonb       NOT NULL,
    removed_actions text[]      NOT NULL,
    applied_by      text        NOT NULL,
    applied_at      timestamptz NOT NULL DEFAULT now(),
    watch_until     timestamptz NOT NULL,
    denied          jsonb,
    alerted_at      timestamptz,
    rolled_back_by  text,
    rolled_back_at  timestamptz,
    rollback_reason text,
    error           text
);
CREATE INDEX tuner_change_account_idx ON tuner_change (account_id, id DESC);
CREATE INDEX tuner_change_plan_idx ON tuner_change (plan_id);
CREATE INDEX tuner_change_watch_idx ON tuner_change (watch_until) WHERE status = 'APPLIED';
-- one change at a time per principal while it is in flight
CREATE UNIQUE INDEX tuner_change_in_flight_idx ON tuner_change (principal_arn) WHERE status IN ('APPLYING', 'ROLLING_BACK');
