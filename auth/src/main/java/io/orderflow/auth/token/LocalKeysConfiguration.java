package io.orderflow.auth.token;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hands the public keys to the edge in this process, so that it checks tokens without any call. */
@Configuration(proxyBeanMethods = false)
class LocalKeysConfiguration {

    @Bean
    JWKSource<SecurityContext> localTokenKeys(SigningKeys keys) {
        return new ImmutableJWKSet<>(keys.publicKeys());
    }
}
