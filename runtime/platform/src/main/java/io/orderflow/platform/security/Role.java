package io.orderflow.platform.security;

/**
 * What a caller may do: a customer orders for themselves; an administrator runs the catalogue and the warehouse.
 * The auth component grants roles (the {@code roles} claim of its tokens), the edge checks them.
 */
public enum Role {
    CUSTOMER,
    ADMIN;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
