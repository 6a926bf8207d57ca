-- One row per notification sent (or being sent): (kind, key) is claimed once, across every process.
CREATE TABLE notification_log (
    kind       text        NOT NULL,
    key        text        NOT NULL,
    claimed_at timestamptz NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE INDEX notification_log_claimed_idx ON notification_log (claimed_at);
