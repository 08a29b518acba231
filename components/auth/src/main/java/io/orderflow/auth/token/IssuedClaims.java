package io.orderflow.auth.token;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The claims every token must carry to pass the edge, read from the edge's own settings, so that the two always
 * agree. Bound here, from the same keys: the auth component shares the edge's settings, not its code.
 *
 * @param issuer     {@code orderflow.edge.security.issuer}, the {@code iss} of every token
 * @param audience   {@code orderflow.edge.security.audience}, the {@code aud}; empty sets none
 * @param rolesClaim {@code orderflow.edge.security.roles-claim}, the claim that lists the account's roles
 */
@ConfigurationProperties("orderflow.edge.security")
public record IssuedClaims(
        @DefaultValue("orderflow") String issuer,
        @DefaultValue("orderflow-api") String audience,
        @DefaultValue("roles") String rolesClaim) {

    public IssuedClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(rolesClaim, "rolesClaim");
    }
}
