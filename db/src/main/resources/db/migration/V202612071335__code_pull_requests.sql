-- Code scanning delivered to developers on GitHub pull requests (issue 13).

-- The GitHub App's webhook secret, sealed like account secrets (AES-256-GCM under a fresh data key,
-- associated data 'github-webhook-secret', the data key wrapped by the master key). One row.
CREATE TABLE code_webhook_secret (
    id                 int         PRIMARY KEY CHECK (id = 1),
    algorithm          text        NOT NULL,
    ciphertext         bytea       NOT NULL,
    wrapped_key        bytea       NOT NULL,
    key_provider       text        NOT NULL,
    master_key_version text        NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now()
);

-- Every webhook delivery accepted (signature verified), once: X-GitHub-Delivery is the key.
CREATE TABLE code_webhook_delivery (
    delivery_id text        PRIMARY KEY,
    event       text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);

-- Work queued by deliveries; any node claims the oldest with FOR UPDATE SKIP LOCKED.
CREATE TABLE code_job (
    id          bigserial   PRIMARY KEY,
    delivery_id text        NOT NULL REFERENCES code_webhook_delivery (delivery_id) ON DELETE CASCADE,
    kind        text        NOT NULL CHECK (kind IN ('pull-request', 'command')),
    payload     jsonb       NOT NULL,
    state       text        NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts    int         NOT NULL DEFAULT 0,
    claimed_by  text,
    claimed_at  timestamptz,
    received_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    error       text
);
CREATE INDEX code_job_pending_idx ON code_job (id) WHERE state IN ('queued', 'running');

-- Repositories of watched GitHub organisations (accounts) that sent pull requests.
CREATE TABLE code_repository (
    id         bigserial   PRIMARY KEY,
    account_id bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    github_id  bigint      NOT NULL,
    full_name  text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (account_id, github_id)
);

CREATE TABLE code_pull_request (
    id           bigserial   PRIMARY KEY,
    repository_id bigint     NOT NULL REFERENCES code_repository (id) ON DELETE CASCADE,
    number       int         NOT NULL,
    title        text        NOT NULL,
    author       text,
    head_sha     text        NOT NULL,
    base_sha     text,
    check_run_id bigint,
    conclusion   text,
    scanned_at   timestamptz,
    scan_millis  int,
    UNIQUE (repository_id, number)
);

-- Findings of a pull request by fingerprint (never the line: stable across pushes); comment_id is the
-- review comment posted for it, so a later push never comments on it again.
CREATE TABLE code_pr_finding (
    id              bigserial PRIMARY KEY,
    pull_request_id bigint    NOT NULL REFERENCES code_pull_request (id) ON DELETE CASCADE,
    fingerprint     text      NOT NULL,
    rule_id         text      NOT NULL,
    severity        text      NOT NULL,
    path            text      NOT NULL,
    start_line      int       NOT NULL,
    end_line        int       NOT NULL,
    message         text      NOT NULL,
    first_sha       text      NOT NULL,
    last_sha        text      NOT NULL,
    present         boolean   NOT NULL,
    comment_id      bigint,
    UNIQUE (pull_request_id, fingerprint)
);
CREATE INDEX code_pr_finding_comment_idx ON code_pr_finding (comment_id) WHERE comment_id IS NOT NULL;

-- Ignored findings and accepted risks (with an expiry), per repository and fingerprint.
CREATE TABLE code_accepted_risk (
    id            bigserial   PRIMARY KEY,
    repository_id bigint      NOT NULL REFERENCES code_repository (id) ON DELETE CASCADE,
    fingerprint   text        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('ignore', 'accept-risk')),
    reason        text        NOT NULL,
    expires_on    date,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    revoked_by    text,
    revoked_at    timestamptz,
    CHECK ((kind = 'accept-risk') = (expires_on IS NOT NULL))
);
CREATE UNIQUE INDEX code_accepted_risk_active_idx ON code_accepted_risk (repository_id, fingerprint) WHERE revoked_at IS NULL;
