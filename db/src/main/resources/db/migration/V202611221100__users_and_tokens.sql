-- Console and API users, their login throttling state, and API tokens (SHA-256 of the secret only).

CREATE TABLE app_user (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username       text        NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9._@-]{1,64}$'),
    display_name   text,
    password_hash  text,
    oidc_issuer    text,
    oidc_subject   text,
    role           text        NOT NULL CHECK (role IN ('VIEWER', 'COMMENTER', 'JUSTIFIER', 'ADMIN')),
    -- NULL: every account; otherwise exactly these accounts
    account_ids    bigint[],
    enabled        boolean     NOT NULL DEFAULT true,
    failed_logins  integer     NOT NULL DEFAULT 0,
    locked_until   timestamptz,
    last_login_at  timestamptz,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (oidc_issuer, oidc_subject),
    CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL))
);

CREATE TABLE api_token (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_prefix text        NOT NULL,
    secret_hash  text        NOT NULL UNIQUE,
    role         text        NOT NULL CHECK (role IN ('VIEWER', 'COMMENTER', 'JUSTIFIER', 'ADMIN')),
    account_ids  bigint[],
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_token_user_idx ON api_token (user_id, id DESC);

-- Console lists filter the audit log by actor and action.
CREATE INDEX audit_log_actor_idx ON audit_log (actor, id DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action text_pattern_ops, id DESC);

-- Who is responsible for fixing a finding (set from the console or API; survives re-audits).
ALTER TABLE finding ADD COLUMN owner text CHECK (owner IS NULL OR length(owner) <= 200);
CREATE INDEX finding_owner_idx ON finding (owner, status) WHERE owner IS NOT NULL;

-- The dashboard's trend counts finding events per day.
CREATE INDEX finding_event_at_idx ON finding_event (at, event);
