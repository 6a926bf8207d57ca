-- Certificate ownership bound to users and teams by id (never by a matching name), an account scope
-- for certificates and authorities, and the per-user issuance counter.

CREATE TABLE team (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$'),
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE team_member (
    team_id  bigint      NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    user_id  bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_member_user_idx ON team_member (user_id);

ALTER TABLE certificate
    ADD COLUMN account_id    bigint REFERENCES account (id) ON DELETE SET NULL,
    ADD COLUMN owner_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
    ADD COLUMN team_id       bigint REFERENCES team (id) ON DELETE SET NULL,
    -- a free-text owner that matched no user when ownership was bound: shown, never matched
    ADD COLUMN owner_note    text CHECK (owner_note IS NULL OR length(owner_note) <= 254);

-- existing owners: a user with exactly that name becomes the owner; anything else stays a note
UPDATE certificate c SET owner_user_id = u.id FROM app_user u WHERE u.username = c.owner;
UPDATE certificate SET owner_note = left(owner, 254) WHERE owner_user_id IS NULL AND owner <> '';

-- existing free-text teams become teams without members (an admin adds the members)
INSERT INTO team (name, created_by)
    SELECT DISTINCT team, 'migration' FROM certificate
    WHERE team IS NOT NULL AND team ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$';
UPDATE certificate c SET team_id = t.id FROM team t WHERE t.name = c.team;
UPDATE certificate SET owner_note = left(coalesce(owner_note || '; ', '') || 'team ' || team, 254)
    WHERE team IS NOT NULL AND team_id IS NULL;

DROP INDEX certificate_owner_idx;
ALTER TABLE certificate DROP COLUMN owner, DROP COLUMN team;
CREATE INDEX certificate_owner_user_idx ON certificate (owner_user_id, id) WHERE owner_user_id IS NOT NULL;
CREATE INDEX certificate_team_idx ON certificate (team_id, id) WHERE team_id IS NOT NULL;
CREATE INDEX certificate_account_idx ON certificate (account_id, id) WHERE account_id IS NOT NULL;

-- the accounts whose users may see and use an authority; empty: unrestricted users only
ALTER TABLE cert_authority ADD COLUMN account_ids bigint[] NOT NULL DEFAULT '{}';

-- issuances per user per hour; one atomic upsert takes a unit on every node
CREATE TABLE certificate_issuance_quota (
    username text        NOT NULL,
    hour     timestamptz NOT NULL,
    issued   integer     NOT NULL CHECK (issued >= 0),
    PRIMARY KEY (username, hour)
);
