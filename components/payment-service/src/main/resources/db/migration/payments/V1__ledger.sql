-- The payment provider's own books. Nothing outside the payment service reads or writes this schema
-- except through PaymentLedger.

-- One row per payment id ever asked about: the row every decision on that payment locks first,
-- so a charge, a void and a refund of the same payment are decided one after the other.
CREATE TABLE payment (
    payment_id         TEXT        PRIMARY KEY,
    order_id           TEXT        NOT NULL,
    first_requested_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Append-only: every money movement and every decision, at most one of each kind per payment.
CREATE TABLE ledger_entry (
    entry_id   BIGSERIAL     PRIMARY KEY,
    payment_id TEXT          NOT NULL REFERENCES payment (payment_id),
    order_id   TEXT          NOT NULL,
    kind       TEXT          NOT NULL CHECK (kind IN ('CHARGE', 'DECLINE', 'VOID', 'REFUND')),
    amount     NUMERIC(19,4) NOT NULL CHECK (amount > 0),
    currency   VARCHAR(3)    NOT NULL,
    reason     TEXT,
    created_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT ledger_entry_once_per_kind UNIQUE (payment_id, kind)
);

-- A payment is decided once: charged or declined, never both.
CREATE UNIQUE INDEX ledger_entry_one_decision ON ledger_entry (payment_id) WHERE kind IN ('CHARGE', 'DECLINE');
-- A voided payment is never charged, and a charged one is refunded instead of voided.
CREATE UNIQUE INDEX ledger_entry_charge_or_void ON ledger_entry (payment_id) WHERE kind IN ('CHARGE', 'VOID');
CREATE INDEX ledger_entry_by_order ON ledger_entry (order_id);

CREATE FUNCTION refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'payments.ledger_entry is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER ledger_entry_append_only
    BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
