-- Where certificates are installed; a renewal redeploys to every target of the certificate it replaces.
CREATE TABLE certificate_deployment (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    certificate_id bigint      NOT NULL REFERENCES certificate (id) ON DELETE CASCADE,
    kind           text        NOT NULL CHECK (kind IN ('pem-file', 'aws-acm', 'aws-iam', 'kubernetes')),
    target         text        NOT NULL,
    reload_command text[]      NOT NULL DEFAULT '{}',
    probe          text,
    handle         text, -- what the target calls it (the ACM certificate ARN)
    status         text        NOT NULL CHECK (status IN ('DEPLOYED', 'VERIFIED', 'FAILED', 'SUPERSEDED')),
    detail         text,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX certificate_deployment_certificate_idx ON certificate_deployment (certificate_id);
