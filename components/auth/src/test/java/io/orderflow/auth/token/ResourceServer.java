package io.orderflow.auth.token;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import io.orderflow.platform.security.TokenClaims;
import java.time.Duration;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

/**
 * Decodes tokens as a resource server that trusts the published key set does, the edge included: RS256 only,
 * the key chosen by the token's {@code kid}, then issuer, audience and expiry. That the edge's own decoder accepts
 * them is tested end to end in the launcher ({@code AuthFlowTest}).
 */
final class ResourceServer {

    static final TokenClaims CLAIMS = new TokenClaims("orderflow", "orderflow-api", "roles");

    private ResourceServer() {
    }

    static ReactiveJwtDecoder trusting(JWKSet published) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> Flux.fromIterable(
                        new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())).select(published)))
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(Duration.ofSeconds(30)),
                new JwtIssuerValidator(CLAIMS.issuer()),
                new JwtAudienceValidator(CLAIMS.audience()))));
        return decoder;
    }
}
