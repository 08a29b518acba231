-- Read models of the query side, built from the event stream (io.orderflow.projections).
-- Every row keeps the sequence number of the last event of its aggregate applied to it: an event at
-- or below it is a redelivery and changes nothing.
-- Text columns are unbounded and the address nullable on purpose: a projection records what happened
-- and must never stall its event processor on a value the aggregate accepted.

CREATE TABLE product_view (
    product_id    TEXT          NOT NULL PRIMARY KEY,
    name          TEXT          NOT NULL,
    price         NUMERIC(19,4) NOT NULL,
    currency      CHAR(3)       NOT NULL,
    available     INT           NOT NULL,
    reserved      INT           NOT NULL,
    committed     INT           NOT NULL,
    last_sequence BIGINT        NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL
);

-- The catalogue is listed by name.
CREATE INDEX ix_product_view_name ON product_view (name, product_id);

CREATE TABLE order_view (
    order_id            TEXT          NOT NULL PRIMARY KEY,
    customer_id         TEXT          NOT NULL,
    status              TEXT          NOT NULL,
    cancellation_reason TEXT,
    cancellation_detail TEXT,
    subtotal            NUMERIC(19,4) NOT NULL,
    tax                 NUMERIC(19,4) NOT NULL,
    total               NUMERIC(19,4) NOT NULL,
    currency            CHAR(3)       NOT NULL,
    ship_to_name        TEXT,
    ship_to_line1       TEXT,
    ship_to_line2       TEXT,
    ship_to_city        TEXT,
    ship_to_postal_code TEXT,
    ship_to_country     TEXT,
    created_at          TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    last_sequence       BIGINT        NOT NULL
);

-- A customer's orders, newest first.
CREATE INDEX ix_order_view_customer ON order_view (customer_id, created_at);

CREATE TABLE order_line_view (
    order_id   TEXT          NOT NULL REFERENCES order_view (order_id) ON DELETE CASCADE,
    line_no    INT           NOT NULL,
    product_id TEXT          NOT NULL,
    name       TEXT          NOT NULL,
    quantity   INT           NOT NULL,
    unit_price NUMERIC(19,4) NOT NULL,
    line_total NUMERIC(19,4) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
