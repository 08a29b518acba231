package io.orderflow.auth;

import io.orderflow.platform.security.TokenClaims;
import io.orderflow.platform.db.SchemaMigration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The auth schema and its migrations, the settings, and how passwords are hashed. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AuthProperties.class, TokenClaims.class})
public class AuthConfiguration {

    public static final String SCHEMA = "auth";
    private static final String BCRYPT = "bcrypt";

    @Bean
    SchemaMigration authSchemaMigration() {
        return new SchemaMigration(SCHEMA, "classpath:db/migration/auth");
    }

    /**
     * A delegating encoder: bcrypt today, with the algorithm's id stored in each hash ({@code {bcrypt}...}),
     * so a stronger one can be introduced later without invalidating old hashes.
     */
    @Bean
    PasswordEncoder passwordEncoder(AuthProperties properties) {
        DelegatingPasswordEncoder encoder = (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        Map<String, PasswordEncoder> encoders = Map.of(BCRYPT, new BCryptPasswordEncoder(properties.bcryptStrength()));
        DelegatingPasswordEncoder configured = new DelegatingPasswordEncoder(BCRYPT, encoders);
        // hashes of every other algorithm Spring knows can still be checked
        configured.setDefaultPasswordEncoderForMatches(encoder);
        return configured;
    }
}
