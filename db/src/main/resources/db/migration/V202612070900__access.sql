-- Access control (issue 9): forced password changes, console sessions ended on every node, and
-- audit entries tied to the account they concern (admins limited to some accounts read only theirs).

ALTER TABLE app_user
    -- the user may do nothing but choose a new password (after an admin reset or the one-time initial password)
    ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
    -- bumped by every change to the user (role, accounts, enabled, password): a console session signed
    -- in under an older generation ends at its next request, on whichever node holds it
    ADD COLUMN session_generation   bigint  NOT NULL DEFAULT 0;

-- The account an entry concerns; NULL when none or several. No foreign key: the log outlives accounts.
-- Rows written before this migration stay NULL (the log is append-only), so only unrestricted admins
-- and their actors read them.
ALTER TABLE audit_log ADD COLUMN account_id bigint;
CREATE INDEX audit_log_account_idx ON audit_log (account_id, id DESC) WHERE account_id IS NOT NULL;

-- The account of an audit target written without one, from the target's shape:
-- '<thing>@<account id>' (per-account settings), 'interval:<account id>:<type>', 'account:<name>',
-- 'finding:<id>', 'remediation:<id>[:<resource>]', 'item:<id>', 'suppression:<id>'; otherwise NULL.
CREATE FUNCTION audit_target_account(target text) RETURNS bigint
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    n text;
BEGIN
    n := substring(target FROM '@([0-9]{1,18})$');
    IF n IS NOT NULL THEN
        RETURN n::bigint;
    END IF;
    n := substring(target FROM '^interval:([0-9]{1,18}):');
    IF n IS NOT NULL THEN
        RETURN n::bigint;
    END IF;
    IF target LIKE 'account:%' THEN
        RETURN (SELECT id FROM account WHERE name = substr(target, 9));
    END IF;
    n := substring(target FROM '^finding:([0-9]{1,18})$');
    IF n IS NOT NULL THEN
        RETURN (SELECT account_id FROM finding WHERE id = n::bigint);
    END IF;
    n := substring(target FROM '^remediation:([0-9]{1,18})(:|$)');
    IF n IS NOT NULL THEN
        RETURN (SELECT account_id FROM remediation WHERE id = n::bigint);
    END IF;
    n := substring(target FROM '^item:([0-9]{1,18})$');
    IF n IS NOT NULL THEN
        RETURN (SELECT account_id FROM item WHERE id = n::bigint);
    END IF;
    n := substring(target FROM '^suppression:([0-9]{1,18})$');
    IF n IS NOT NULL THEN
        RETURN (SELECT account_id FROM suppression_rule WHERE id = n::bigint);
    END IF;
    RETURN NULL;
END
$$;
