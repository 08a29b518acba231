package io.orderflow.platform.security;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The claims every access token carries: the auth component issues tokens with them and the edge insists on them,
 * from this one binding of {@code orderflow.edge.security}, so that the two always agree. The edge's other
 * security settings are its own ({@code SecurityProperties}).
 *
 * @param issuer     {@code orderflow.edge.security.issuer}, the {@code iss} of every token
 * @param audience   {@code orderflow.edge.security.audience}, the {@code aud}; empty sets none
 * @param rolesClaim {@code orderflow.edge.security.roles-claim}, the claim that lists the account's roles
 */
@ConfigurationProperties("orderflow.edge.security")
public record TokenClaims(
        @DefaultValue("orderflow") String issuer,
        @DefaultValue("orderflow-api") String audience,
        @DefaultValue("roles") String rolesClaim) {

    public TokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(rolesClaim, "rolesClaim");
    }
}
