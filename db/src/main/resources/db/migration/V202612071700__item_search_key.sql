-- Name and id substring search (`items?q=`) on one stored key: the lower-cased name and resource id,
-- computed once per write instead of lower() on two columns for every row a search reads, compared
-- byte-wise (COLLATE "C": the needle is lower-cased the same way by the application), with one trigram
-- index for needles rare enough to be looked up. The newline keeps a match from spanning both parts.
ALTER TABLE item ADD COLUMN search_key text COLLATE "C"
    GENERATED ALWAYS AS (lower(name) || chr(10) || lower(resource_id)) STORED;
CREATE INDEX item_search_key_trgm_idx ON item USING gin (search_key gin_trgm_ops);
DROP INDEX item_name_trgm_idx;
DROP INDEX item_resource_id_trgm_idx;
