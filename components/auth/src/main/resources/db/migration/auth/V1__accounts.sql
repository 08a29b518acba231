-- Accounts of the local auth component. The id is the subject of the account's tokens and, for a
-- customer, the customer id of their orders. E-mail addresses are stored lower-case.
CREATE TABLE account (
    account_id    uuid        PRIMARY KEY,
    email         text        NOT NULL,
    name          text        NOT NULL,
    password_hash text        NOT NULL,
    roles         text[]      NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT account_email_unique UNIQUE (email)
);
