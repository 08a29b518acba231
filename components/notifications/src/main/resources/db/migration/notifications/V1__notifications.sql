-- The e-mails customers would have received, one per customer-facing order event (io.orderflow.notification).
-- event_id is the event store's id of the event that caused the e-mail: a redelivered event finds its row
-- and adds nothing.

CREATE TABLE notification (
    event_id    TEXT        NOT NULL PRIMARY KEY,
    order_id    TEXT        NOT NULL,
    customer_id TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A customer's inbox, newest first.
CREATE INDEX ix_notification_customer ON notification (customer_id, created_at);

-- The e-mails about one order.
CREATE INDEX ix_notification_order ON notification (order_id);
