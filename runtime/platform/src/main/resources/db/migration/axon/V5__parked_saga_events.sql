-- Saga steps that kept failing, parked (io.orderflow.platform.axon.ParkedSagaEvents; docs/decisions/0016). Axon's
-- dead-letter queue covers event handlers, not sagas. The events of one sequence (an order) are parked in the
-- order they came, oldest first: the first carries why (reason, attempts, the last error); the ones parked
-- behind it carry no reason. Each event is kept as the event store holds it, so that it can be handed to the
-- saga again.
CREATE TABLE parked_saga_event (
    id                   BIGSERIAL    PRIMARY KEY,
    processing_group     VARCHAR(255) NOT NULL,
    sequence_id          VARCHAR(255) NOT NULL,
    reason               VARCHAR(32),
    attempts             INTEGER      NOT NULL DEFAULT 0,
    cause_type           VARCHAR(255),
    cause_message        TEXT,
    parked_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_attempt_at      TIMESTAMPTZ,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           TIMESTAMPTZ  NOT NULL,
    type                 VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    -- a batch handled again (after a restart) parks nothing twice
    CONSTRAINT uk_parked_saga_event UNIQUE (processing_group, event_identifier)
);
-- the processor asks, once per batch, which of the batch's sequences are parked
CREATE INDEX parked_saga_event_sequence ON parked_saga_event (processing_group, sequence_id, id);
