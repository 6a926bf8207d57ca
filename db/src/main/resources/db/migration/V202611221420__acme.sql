-- ACME authorities: the account at the CA (its key is the authority's sealed key in private_key).
CREATE TABLE acme_account (
    authority_id  bigint PRIMARY KEY REFERENCES cert_authority (id) ON DELETE CASCADE,
    directory_url text        NOT NULL,
    account_url   text        NOT NULL,
    account_public_key text   NOT NULL,
    directory_trust_pem text, -- trust anchors for the directory's https (a private CA); NULL: the JDK's
    contact       text,
    eab_kid       text,
    profile       text,
    allow_internal boolean    NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Exactly-once issuance for asynchronous CAs: before an order is placed the request reserves the
-- certificate id and keeps the new private key sealed for that id; the order URL is recorded
-- (external_ref) before finalisation. A restarted process resumes the same order with the same key.
ALTER TABLE issuance_request
    ADD COLUMN reserved_certificate_id bigint,
    ADD COLUMN pending_key_algorithm   text,
    ADD COLUMN pending_key_ciphertext  bytea,
    ADD COLUMN pending_key_wrapped     bytea,
    ADD COLUMN pending_key_provider    text,
    ADD COLUMN pending_key_version     text;
