package io.orderflow.edge.security;

import io.orderflow.contracts.common.CustomerId;
import io.orderflow.platform.security.Role;
import java.util.Objects;
import org.springframework.security.core.Authentication;

/**
 * The authenticated caller of a request: the token's subject, which is the customer id, and whether they
 * are an administrator. Controllers take the request's {@link Authentication} and ask this for decisions.
 */
public record Caller(String subject, boolean admin) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
    }

    public static Caller of(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> Role.ADMIN.authority().equals(authority.getAuthority()));
        return new Caller(authentication.getName(), admin);
    }

    public CustomerId customerId() {
        return CustomerId.of(subject);
    }

    /** A customer sees their own orders only; an administrator sees all. */
    public boolean mayAccessOrdersOf(String customerId) {
        return admin || subject.equals(customerId);
    }
}
