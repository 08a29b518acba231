package io.orderflow.auth.account;

import java.util.List;
import java.util.UUID;

/** A stored account: its id (the tokens' subject and the customer id), e-mail address, name, password hash and roles. */
record Account(UUID id, String email, String name, String passwordHash, List<String> roles) {

    Account {
        roles = List.copyOf(roles);
    }
}
