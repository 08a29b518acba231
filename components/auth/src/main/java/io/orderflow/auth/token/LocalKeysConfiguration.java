package io.orderflow.auth.token;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.orderflow.auth.AuthProperties;
import io.orderflow.platform.config.DataDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The signing keys, a generated one kept beside the data of a single-node run ({@code auth/signing-key.pem} in
 * its data directory); and their public halves for the edge in this process, so that it checks tokens without
 * any call.
 */
@Configuration(proxyBeanMethods = false)
class LocalKeysConfiguration {

    static final String GENERATED_KEY_FILE = "auth/signing-key.pem";

    @Bean
    SigningKeys signingKeys(AuthProperties properties, Environment environment) {
        return new SigningKeys(properties, DataDirectory.resolve(environment, GENERATED_KEY_FILE));
    }

    @Bean
    JWKSource<SecurityContext> localTokenKeys(SigningKeys keys) {
        return new ImmutableJWKSet<>(keys.publicKeys());
    }
}
