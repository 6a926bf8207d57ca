-- Accounts, items with revision history, watch runs, leases, audit log and the scheduler table.

CREATE TABLE account (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider         text        NOT NULL CHECK (provider IN ('aws', 'gcp', 'github')),
    name             text        NOT NULL UNIQUE,
    external_id      text        NOT NULL,
    role_arn         text,
    role_external_id text,
    credentials_ref  text,
    regions          text[]      NOT NULL DEFAULT '{}',
    tags             jsonb       NOT NULL DEFAULT '{}',
    active           boolean     NOT NULL DEFAULT true,
    third_party      boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (provider, external_id)
);

-- Watch intervals: the most specific row wins (account+type, account, type, default).
CREATE TABLE watch_interval (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id       bigint REFERENCES account (id) ON DELETE CASCADE,
    resource_type    text,
    interval_minutes integer     NOT NULL CHECK (interval_minutes BETWEEN 1 AND 10080),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (account_id, resource_type)
);

-- Item identity; the configuration lives in item_revision. Rows here change only on creation,
-- rename and deletion, so an unchanged watch writes nothing.
CREATE TABLE item (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    resource_type text        NOT NULL,
    scope_region  text        NOT NULL,
    region        text        NOT NULL,
    resource_id   text        NOT NULL,
    name          text        NOT NULL,
    deleted       boolean     NOT NULL DEFAULT false,
    first_seen    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (account_id, resource_type, scope_region, resource_id)
);
CREATE INDEX item_type_idx ON item (resource_type, id);
CREATE INDEX item_region_idx ON item (region, id);
CREATE INDEX item_name_idx ON item (lower(name) text_pattern_ops);

CREATE TABLE item_revision (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id              bigint      NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    revision_no          integer     NOT NULL,
    kind                 text        NOT NULL CHECK (kind IN ('created', 'changed', 'deleted', 'recreated')),
    config               jsonb,
    durable_hash         text,
    full_hash            text,
    diff                 jsonb       NOT NULL DEFAULT '[]',
    observed_at          timestamptz NOT NULL DEFAULT now(),
    ephemeral_updated_at timestamptz,
    run_id               bigint,
    changed_by           text,
    UNIQUE (item_id, revision_no),
    CHECK ((kind = 'deleted') = (config IS NULL))
);
CREATE INDEX item_revision_observed_idx ON item_revision (observed_at);

CREATE TABLE watch_run (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trigger     text        NOT NULL,
    actor       text        NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    scopes_ok   integer,
    scopes_failed integer,
    created     integer,
    changed     integer,
    deleted     integer,
    unchanged   integer
);

CREATE TABLE watch_scope_result (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id         bigint      NOT NULL REFERENCES watch_run (id) ON DELETE CASCADE,
    account_id     bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    region         text        NOT NULL,
    resource_type  text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('OK', 'PARTIAL', 'FAILED', 'SKIPPED')),
    error_category text,
    message        text,
    created        integer     NOT NULL DEFAULT 0,
    changed        integer     NOT NULL DEFAULT 0,
    ephemeral      integer     NOT NULL DEFAULT 0,
    deleted        integer     NOT NULL DEFAULT 0,
    unchanged      integer     NOT NULL DEFAULT 0,
    api_calls      bigint      NOT NULL DEFAULT 0,
    throttles      bigint      NOT NULL DEFAULT 0,
    duration_ms    bigint      NOT NULL DEFAULT 0,
    finished_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX watch_scope_result_scope_idx ON watch_scope_result (account_id, resource_type, region, finished_at DESC);
CREATE INDEX watch_scope_result_run_idx ON watch_scope_result (run_id);

-- Exclusive, expiring claims on a scope shared by every node and CLI process.
CREATE TABLE scope_lease (
    scope_key  text PRIMARY KEY,
    holder     text        NOT NULL,
    expires_at timestamptz NOT NULL
);

-- Every write by a person or a job. Append-only: updates and deletes are refused.
CREATE TABLE audit_log (
    id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at     timestamptz NOT NULL DEFAULT now(),
    actor  text        NOT NULL,
    action text        NOT NULL,
    target text        NOT NULL,
    before jsonb,
    after  jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- db-scheduler (com.github.kagkarlsson:db-scheduler) task table, PostgreSQL form.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
