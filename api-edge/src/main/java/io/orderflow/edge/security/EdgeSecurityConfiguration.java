package io.orderflow.edge.security;

import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.orderflow.edge.web.ManagementServer;
import io.orderflow.platform.security.Role;
import io.orderflow.platform.security.TokenClaims;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The edge's access rules. Stateless: no session, no cookie, no CSRF token (a bearer token cannot be sent
 * by a cross-site form), no saved requests. Public: login and registration, the key set, reading the
 * catalogue, the liveness and readiness probes, the API document, the console's files. Administrators only:
 * {@code /api/admin/**} and any actuator endpoint on this port. Everything else needs a valid token. The
 * management server, on a port of its own, is not the API: its requests pass.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties({SecurityProperties.class, TokenClaims.class})
class EdgeSecurityConfiguration {

    /** How long a verified token is trusted without checking its signature again; a removed key stops working after it. */
    private static final Duration VERIFIED_TOKENS_MAX_AGE = Duration.ofMinutes(1);
    private static final long VERIFIED_TOKENS_KEPT = 100_000;

    static final String[] PUBLIC_DOCUMENTATION = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"};

    @Bean
    SecurityWebFilterChain edgeSecurityFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
            SecurityProperties properties, TokenClaims claims, ProblemAuthenticationEntryPoint entryPoint,
            ProblemAccessDeniedHandler accessDeniedHandler) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(cors -> cors.configurationSource(corsConfigurationSource(properties)))
                .headers(headers -> headers
                        .writer(new ContentSecurityPolicy())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(exchanges -> exchanges
                        // metrics and detailed health: a port of their own, on loopback unless configured (decisions/0011)
                        .matchers(exchange -> ManagementServer.handles(exchange) ? MatchResult.match() : MatchResult.notMatch())
                        .permitAll()
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/token").permitAll()
                        .pathMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                        // a product's stock timeline names the orders that reserved it: administrators only
                        .pathMatchers(HttpMethod.GET, "/api/products/*/events").hasRole(Role.ADMIN.name())
                        .pathMatchers(HttpMethod.GET, "/api/products", "/api/products/**").permitAll()
                        .pathMatchers(HttpMethod.GET, PUBLIC_DOCUMENTATION).permitAll()
                        // the console's static files; what they show comes from the API, with the user's token
                        .pathMatchers(HttpMethod.GET, "/", "/console", "/console/**").permitAll()
                        // an orchestrator's probes, status only; with the management server on this port (not the
                        // default), everything else of it is for administrators
                        .pathMatchers(HttpMethod.GET, ManagementServer.PROBES).permitAll()
                        .pathMatchers(HttpMethod.GET, "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .pathMatchers("/api/admin/**", "/actuator/**").hasRole(Role.ADMIN.name())
                        .pathMatchers("/api/orders", "/api/orders/**").hasAnyRole(Role.CUSTOMER.name(), Role.ADMIN.name())
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(authenticationConverter(claims)))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDeniedHandler))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDeniedHandler))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties, TokenClaims claims, ObjectProvider<JWKSource<SecurityContext>> localKeys) {
        return new VerifiedTokens(AccessTokenDecoders.forEdge(properties, claims, localKeys::getIfAvailable), Clock.systemUTC(),
                Ticker.systemTicker(), properties.clockSkew(), VERIFIED_TOKENS_MAX_AGE, VERIFIED_TOKENS_KEPT);
    }

    private static ReactiveJwtAuthenticationConverterAdapter authenticationConverter(TokenClaims claims) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(claims.rolesClaim());
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /** No origin is allowed unless configured; tokens travel in a header, so no credentials (cookies) either. */
    private static CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (properties.allowedOrigins().isEmpty()) {
            return source;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Idempotency-Key"));
        cors.setExposedHeaders(List.of("Location", "Retry-After", "WWW-Authenticate", "Idempotent-Replayed"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(3600L);
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
