-- Axon's sequenced dead-letter queue (JdbcSequencedDeadLetterQueue), in snake_case to match
-- io.orderflow.platform.axon.AxonSchemas.deadLetters(). A read-model event whose handler fails is parked
-- here with every later event of the same aggregate, while the processor goes on with the others.
-- Axon writes the timestamps as ISO-8601 text and compares them as text; the cause message is TEXT
-- because a database error can be longer than Axon's generic 1023 characters.
CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255) NOT NULL PRIMARY KEY,
    processing_group     VARCHAR(255) NOT NULL,
    sequence_identifier  VARCHAR(255) NOT NULL,
    sequence_index       BIGINT       NOT NULL,
    message_type         VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    type                 VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255) NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        TEXT,
    diagnostics          BYTEA,
    -- also serves Axon's lookups by processing group and by (processing group, sequence)
    CONSTRAINT uk_dead_letter_sequence_index UNIQUE (processing_group, sequence_identifier, sequence_index)
);
