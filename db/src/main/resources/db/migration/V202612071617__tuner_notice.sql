-- IAM tuner (issue 12): notices to the owners of the principals a scheduled plan changes. One row per owner
-- contact (e-mail address or webhook host; a webhook URL is a secret and never stored), and one row for the
-- principals nobody could be told about (status NO_OWNER / NO_CONTACT), so the plan can say "no owner notified".
CREATE TABLE tuner_notice (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id    bigint      NOT NULL REFERENCES tuner_plan (id) ON DELETE CASCADE,
    owner      text,
    channel    text        NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK', 'NONE')),
    recipient  text,
    principals text[]      NOT NULL,
    status     text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'NO_OWNER', 'NO_CONTACT')),
    detail     text,
    created_at timestamptz NOT NULL,
    settled_at timestamptz
);
CREATE INDEX tuner_notice_plan_idx ON tuner_notice (plan_id, id);

-- Changes Watchkeeper itself makes to watched resources (the IAM tuner's apply and rollback): the next revision a
-- watch records for such a resource (account, type, resource id) carries the actor in item_revision.changed_by
-- ("tuner change 31 by jane"); the first watch that observes the resource afterwards uses the row up, changed or not.
CREATE TABLE change_attribution (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    resource_type text        NOT NULL,
    resource_id   text        NOT NULL,
    actor         text        NOT NULL,
    recorded_at   timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz
);
CREATE INDEX change_attribution_open_idx ON change_attribution (account_id, resource_type) WHERE used_at IS NULL;
