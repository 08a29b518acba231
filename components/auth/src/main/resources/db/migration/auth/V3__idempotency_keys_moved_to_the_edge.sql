-- The idempotency-key records belong to the edge now, in a schema of its own; the edge's migration V2 copies
-- the records of this table there and drops it. A table without records is dropped here, so that on a fresh
-- database (where the edge's V2 may have run before this schema's V2 created it) none is left behind. A table that still
-- holds records stays for the edge's migration to take over.
DO $$
BEGIN
    IF to_regclass('auth.idempotency_key') IS NOT NULL THEN
        LOCK TABLE auth.idempotency_key IN ACCESS EXCLUSIVE MODE;
        IF NOT EXISTS (SELECT 1 FROM auth.idempotency_key) THEN
            DROP TABLE auth.idempotency_key;
        END IF;
    END IF;
END
$$;
