package io.orderflow.auth.account;

import java.util.List;

/** A new account as its owner sees it; {@code accountId} is also their customer id. */
record AccountView(String accountId, String email, String name, List<String> roles) {

    static AccountView of(Account account) {
        return new AccountView(account.id().toString(), account.email(), account.name(), account.roles());
    }
}
