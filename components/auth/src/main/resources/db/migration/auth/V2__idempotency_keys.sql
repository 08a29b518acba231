-- Idempotency-Key records of the HTTP edge, per customer. claim_id identifies the request that holds the
-- key, so that a request whose claim was taken over (it outlived the in-flight timeout) cannot overwrite it.
CREATE TABLE idempotency_key (
    customer_id       text        NOT NULL,
    idempotency_key   text        NOT NULL,
    claim_id          uuid        NOT NULL,
    request_hash      text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('IN_FLIGHT', 'COMPLETED')),
    response_status   integer,
    response_location text,
    response_body     text,
    created_at        timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    PRIMARY KEY (customer_id, idempotency_key)
);

CREATE INDEX idempotency_key_expires_at ON idempotency_key (expires_at);
