-- Pull-request delivery (issue 13): the watched item a finding is joined to (the IAM user owning a key
-- found in the code, or the live resource an IaC declaration matches), and the head at which the
-- finding's review comment was marked fixed (a later push removed it), so it is marked once.
ALTER TABLE code_pr_finding ADD COLUMN item_id bigint REFERENCES item (id) ON DELETE SET NULL;
ALTER TABLE code_pr_finding ADD COLUMN comment_fixed_sha text;
