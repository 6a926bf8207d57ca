-- Renewal: when each active certificate should be renewed (2/3 of its lifetime with jitter, or the
-- CA's ARI window). The sweep walks this partial index, so it stays fast with many certificates.
ALTER TABLE certificate ADD COLUMN renew_after timestamptz;
UPDATE certificate SET renew_after = not_before + (not_after - not_before) * 2 / 3
    WHERE source = 'ISSUED' AND status = 'ACTIVE';
CREATE INDEX certificate_renew_due_idx ON certificate (renew_after, id)
    WHERE status = 'ACTIVE' AND renew_after IS NOT NULL;
