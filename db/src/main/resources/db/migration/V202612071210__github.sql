-- GitHub organisations as accounts (issue 11).

-- Account secrets (GitHub tokens and App private keys), envelope-encrypted like private keys: the
-- secret encrypted (AES-256-GCM) under a fresh data key with associated data
-- 'account-secret:<account id>', the data key wrapped by the master key. One per account.
CREATE TABLE account_secret (
    account_id         bigint      PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    kind               text        NOT NULL CHECK (kind IN ('github-token', 'github-app-key')),
    algorithm          text        NOT NULL,
    ciphertext         bytea       NOT NULL,
    wrapped_key        bytea       NOT NULL,
    key_provider       text        NOT NULL,
    master_key_version text        NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_secret_version_idx ON account_secret (key_provider, master_key_version);

-- How a GitHub account is reached (no secret here). organization_id: the organisation's stable id,
-- recorded at the first identity check and required to match from then on.
CREATE TABLE github_account (
    account_id      bigint PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    auth            text   NOT NULL CHECK (auth IN ('app', 'token')),
    app_id          bigint CHECK (app_id > 0),
    installation_id bigint CHECK (installation_id > 0),
    endpoint        text   NOT NULL,
    organization_id bigint,
    CHECK ((auth = 'app') = (app_id IS NOT NULL)),
    CHECK (auth = 'app' OR installation_id IS NULL)
);

-- Conditional requests: the last ETag and body (gzip) of each GET, per account and URL (path and
-- query, no host), so an unchanged resource costs a 304. Entries older than a month are forgotten.
CREATE TABLE github_etag (
    account_id bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    url        text        NOT NULL,
    etag       text        NOT NULL,
    link       text,
    body       bytea       NOT NULL,
    stored_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, url)
);
