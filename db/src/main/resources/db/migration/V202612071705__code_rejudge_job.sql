-- Issue 13: a decision made in the console, the API or the command line (ignore, accept-risk, revoke)
-- queues a 'rejudge' job in the same transaction; its delivery is synthetic
-- ('decision:<risk id>:<accept|revoke>'), so the queue keeps one kind of key.
ALTER TABLE code_job DROP CONSTRAINT code_job_kind_check;
ALTER TABLE code_job ADD CONSTRAINT code_job_kind_check CHECK (kind IN ('pull-request', 'command', 'rejudge'));
