-- Read models in generations (docs/decisions/0005). Each read model writes into tables of one
-- generation, named <table>_g<n>; readers use the plain names, which are views over the active
-- generation. A replay builds generation n+1 next to the live one and switches the views and the
-- control row below in one transaction, so readers never see a half-built read model.
--
-- The shape of a generation is defined once, in create_generation(): a later change to a read model's
-- tables is a new migration that replaces that function, followed by a replay.

CREATE TABLE read_model (
    name         TEXT        NOT NULL PRIMARY KEY,
    generation   INT         NOT NULL,
    activated_at TIMESTAMPTZ NOT NULL
);

CREATE FUNCTION create_generation(model TEXT, gen INT) RETURNS VOID LANGUAGE plpgsql AS $fn$
BEGIN
    IF model = 'order-details' THEN
        EXECUTE format($ddl$
            CREATE TABLE projections.order_view_g%1$s (
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
            -- the order list: a customer's orders, every order, orders in a status; newest first
            CREATE INDEX ix_order_view_g%1$s_customer ON projections.order_view_g%1$s (customer_id, created_at DESC, order_id DESC);
            CREATE INDEX ix_order_view_g%1$s_created ON projections.order_view_g%1$s (created_at DESC, order_id DESC);
            CREATE INDEX ix_order_view_g%1$s_status ON projections.order_view_g%1$s (status, created_at DESC, order_id DESC);

            CREATE TABLE projections.order_line_view_g%1$s (
                order_id   TEXT          NOT NULL REFERENCES projections.order_view_g%1$s (order_id) ON DELETE CASCADE,
                line_no    INT           NOT NULL,
                product_id TEXT          NOT NULL,
                name       TEXT          NOT NULL,
                quantity   INT           NOT NULL,
                unit_price NUMERIC(19,4) NOT NULL,
                line_total NUMERIC(19,4) NOT NULL,
                PRIMARY KEY (order_id, line_no)
            );

            -- one row per status change, keyed by the sequence number of the event that caused it
            CREATE TABLE projections.order_status_history_g%1$s (
                order_id            TEXT        NOT NULL REFERENCES projections.order_view_g%1$s (order_id) ON DELETE CASCADE,
                sequence            BIGINT      NOT NULL,
                status              TEXT        NOT NULL,
                previous_status     TEXT,
                event_type          TEXT        NOT NULL,
                event_id            TEXT        NOT NULL,
                occurred_at         TIMESTAMPTZ NOT NULL,
                cancellation_reason TEXT,
                cancellation_detail TEXT,
                PRIMARY KEY (order_id, sequence)
            );
        $ddl$, gen);
    ELSIF model = 'product-catalogue' THEN
        EXECUTE format($ddl$
            CREATE TABLE projections.product_view_g%1$s (
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
            -- the catalogue is listed by name
            CREATE INDEX ix_product_view_g%1$s_name ON projections.product_view_g%1$s (name, product_id);
        $ddl$, gen);
    ELSE
        RAISE EXCEPTION 'unknown read model %', model;
    END IF;
END;
$fn$;

CREATE FUNCTION drop_generation(model TEXT, gen INT) RETURNS VOID LANGUAGE plpgsql AS $fn$
BEGIN
    IF model = 'order-details' THEN
        EXECUTE format('DROP TABLE IF EXISTS projections.order_status_history_g%1$s, projections.order_line_view_g%1$s, projections.order_view_g%1$s', gen);
    ELSIF model = 'product-catalogue' THEN
        EXECUTE format('DROP TABLE IF EXISTS projections.product_view_g%1$s', gen);
    ELSE
        RAISE EXCEPTION 'unknown read model %', model;
    END IF;
END;
$fn$;

-- Points the views at generation gen and records it as active. Dropping and creating the views (rather
-- than replacing them) lets a new generation add columns; both happen in the caller's transaction.
CREATE FUNCTION activate_generation(model TEXT, gen INT) RETURNS VOID LANGUAGE plpgsql AS $fn$
BEGIN
    IF model = 'order-details' THEN
        DROP VIEW IF EXISTS projections.order_status_history, projections.order_line_view, projections.order_view;
        EXECUTE format('CREATE VIEW projections.order_view AS SELECT * FROM projections.order_view_g%s', gen);
        EXECUTE format('CREATE VIEW projections.order_line_view AS SELECT * FROM projections.order_line_view_g%s', gen);
        EXECUTE format('CREATE VIEW projections.order_status_history AS SELECT * FROM projections.order_status_history_g%s', gen);
    ELSIF model = 'product-catalogue' THEN
        DROP VIEW IF EXISTS projections.product_view;
        EXECUTE format('CREATE VIEW projections.product_view AS SELECT * FROM projections.product_view_g%s', gen);
    ELSE
        RAISE EXCEPTION 'unknown read model %', model;
    END IF;
    INSERT INTO projections.read_model (name, generation, activated_at) VALUES (model, gen, now())
        ON CONFLICT (name) DO UPDATE SET generation = EXCLUDED.generation, activated_at = EXCLUDED.activated_at;
END;
$fn$;

-- Generation 1 takes over the rows of the V1 tables. Orders projected before this migration have no
-- status history until the next replay rebuilds it from their events.
SELECT create_generation('order-details', 1);
SELECT create_generation('product-catalogue', 1);

INSERT INTO order_view_g1 SELECT * FROM order_view;
INSERT INTO order_line_view_g1 SELECT * FROM order_line_view;
INSERT INTO product_view_g1 SELECT * FROM product_view;

DROP TABLE order_line_view;
DROP TABLE order_view;
DROP TABLE product_view;

SELECT activate_generation('order-details', 1);
SELECT activate_generation('product-catalogue', 1);

-- Replays and verifications of read models, with their progress, for GET .../replay/{id}.
CREATE TABLE rebuild (
    id               UUID        NOT NULL PRIMARY KEY,
    read_model       TEXT        NOT NULL,
    kind             TEXT        NOT NULL,
    state            TEXT        NOT NULL,
    generation       INT         NOT NULL,
    live_generation  INT         NOT NULL,
    processed_events BIGINT      NOT NULL,
    total_events     BIGINT      NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ,
    failure          TEXT,
    rows_compared    BIGINT,
    difference_count BIGINT,
    differences      JSONB
);

CREATE INDEX ix_rebuild_read_model ON rebuild (read_model, started_at DESC);
