-- Small named values the application keeps between runs (e.g. the check catalogue last fully audited).
CREATE TABLE app_state (
    key        text PRIMARY KEY,
    value      text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
