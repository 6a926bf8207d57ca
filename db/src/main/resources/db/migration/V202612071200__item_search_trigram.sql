-- Name and id substring search (`items?q=`): trigram indexes answer '%needle%' without reading
-- every item. pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX item_name_trgm_idx ON item USING gin (lower(name) gin_trgm_ops);
CREATE INDEX item_resource_id_trgm_idx ON item USING gin (lower(resource_id) gin_trgm_ops);
