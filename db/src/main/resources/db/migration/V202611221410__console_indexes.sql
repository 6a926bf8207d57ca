-- Console and API lists walk findings by rank (score high to low, then id) in keyset pages.
-- The row comparison ((-score), id) > (?, ?) is an index range on these expression indexes.
CREATE INDEX finding_open_rank_idx ON finding ((-score), id) WHERE status IN ('OPEN', 'REGRESSED');
CREATE INDEX finding_status_rank_idx ON finding (status, (-score), id);
DROP INDEX finding_status_score_idx;
-- The common filters (account, check) also walk open findings in rank order.
CREATE INDEX finding_account_rank_idx ON finding (account_id, (-score), id) WHERE status IN ('OPEN', 'REGRESSED');
CREATE INDEX finding_check_rank_idx ON finding (check_id, (-score), id) WHERE status IN ('OPEN', 'REGRESSED');
CREATE INDEX item_account_idx ON item (account_id, id);
