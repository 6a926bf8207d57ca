-- What Watchkeeper's own change left behind: fields of the resource's configuration as its watcher records it
-- (for an IAM role or user its inline policies and attached policy ARNs; for a customer-managed policy its default
-- version and document). The next revision is credited to the change's actor only when these fields are equal in it;
-- otherwise someone else changed the resource in between and the revision stays unattributed. Null: any revision.
ALTER TABLE change_attribution ADD COLUMN expected jsonb;
