package io.orderflow.auth.account;

import java.util.Arrays;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Accounts in {@code auth.account}, over R2DBC. */
@Component
class Accounts {

    private final DatabaseClient database;

    Accounts(DatabaseClient database) {
        this.database = database;
    }

    /** Stores a new account; false when its e-mail address is taken already. */
    Mono<Boolean> add(Account account) {
        return database.sql("""
                        INSERT INTO auth.account (account_id, email, name, password_hash, roles)
                        VALUES (:id, :email, :name, :hash, :roles)
                        ON CONFLICT (email) DO NOTHING""")
                .bind("id", account.id())
                .bind("email", account.email())
                .bind("name", account.name())
                .bind("hash", account.passwordHash())
                .bind("roles", account.roles().toArray(String[]::new))
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    Mono<Account> byEmail(String email) {
        return database.sql("SELECT account_id, email, name, password_hash, roles FROM auth.account WHERE email = :email")
                .bind("email", email)
                .map(row -> new Account(row.get("account_id", UUID.class), row.get("email", String.class),
                        row.get("name", String.class), row.get("password_hash", String.class),
                        Arrays.asList(row.get("roles", String[].class))))
                .one();
    }
}
