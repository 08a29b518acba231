-- Until the edge had a schema of its own, its idempotency-key records lived in the auth schema. Takes them
-- over and drops the old table. Both schemas are in one database wherever the edge runs (the launcher, the
-- edge-service with the auth component), and this works whichever module migrates first: when the auth
-- schema's V3 ran before, it dropped the old table only if it held no record; on a fresh database there is
-- no old table, or an empty one that auth's V3 drops. The lock keeps an instance of the previous version from
-- writing a record between the copy and the drop. SchemaOwnershipTest allows this script, and only this one,
-- to name the auth schema.
DO $$
BEGIN
    IF to_regclass('auth.idempotency_key') IS NOT NULL THEN
        LOCK TABLE auth.idempotency_key IN ACCESS EXCLUSIVE MODE;
        INSERT INTO idempotency_key (customer_id, idempotency_key, claim_id, request_hash, status, response_status,
                                     response_location, response_body, created_at, expires_at)
        SELECT customer_id, idempotency_key, claim_id, request_hash, status, response_status,
               response_location, response_body, created_at, expires_at
          FROM auth.idempotency_key
            ON CONFLICT (customer_id, idempotency_key) DO NOTHING;
        DROP TABLE auth.idempotency_key;
    END IF;
END
$$;
