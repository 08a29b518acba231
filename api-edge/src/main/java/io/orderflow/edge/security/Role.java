package io.orderflow.edge.security;

/** What a caller may do: a customer orders for themselves; an administrator runs the catalogue and the warehouse. */
public enum Role {
    CUSTOMER,
    ADMIN;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
