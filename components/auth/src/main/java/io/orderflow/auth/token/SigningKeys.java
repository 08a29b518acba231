package io.orderflow.auth.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.orderflow.auth.AuthProperties;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA keys of this auth component: the one that signs new tokens, and the public halves of all of them.
 * Rotating: add a new key, make it the signing key, keep the old one (its public key is enough) for one
 * token lifetime, then remove it. Without configured keys one is generated: kept in {@code generatedKeyFile}
 * and reused at every start when there is one (the data directory of a single-node run), else in memory only.
 */
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final int GENERATED_KEY_BITS = 2048;

    private final RSAKey signingKey;
    private final JWKSet publicKeys;

    SigningKeys(AuthProperties properties, Optional<Path> generatedKeyFile) {
        List<RSAKey> keys = properties.keys().isEmpty() ? List.of(generated(generatedKeyFile)) : configured(properties.keys());
        this.signingKey = keys.stream()
                .filter(RSAKey::isPrivate)
                .filter(key -> properties.signingKeyId() == null || properties.signingKeyId().isBlank()
                        || key.getKeyID().equals(properties.signingKeyId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("orderflow.auth.signing-key-id names no key with a private key: "
                        + properties.signingKeyId()));
        this.publicKeys = new JWKSet(keys.stream().map(key -> (JWK) key.toPublicJWK()).toList());
        log.info("Signing access tokens with key {}; publishing keys {}", signingKey.getKeyID(),
                keys.stream().map(RSAKey::getKeyID).toList());
    }

    RSAKey signingKey() {
        return signingKey;
    }

    /** The public keys, as published at the JWKS endpoint and used by the edge to check tokens. */
    public JWKSet publicKeys() {
        return publicKeys;
    }

    /** Its {@code kid} is the key's thumbprint, so a kept key keeps its id across restarts. */
    private static RSAKey generated(Optional<Path> keyFile) {
        RSAPrivateKey privateKey = keyFile.map(SigningKeys::keptIn).orElseGet(SigningKeys::newKey);
        RSAPublicKey publicKey = publicKeyOf(privateKey, "generated");
        String id;
        try {
            id = "generated-" + rsaKey(null, publicKey, null).computeThumbprint();
        } catch (com.nimbusds.jose.JOSEException impossible) {
            throw new IllegalStateException("SHA-256 is missing", impossible);
        }
        if (keyFile.isEmpty()) {
            log.warn("No orderflow.auth.keys and no orderflow.data-directory configured: generated signing key {} in memory. "
                    + "Tokens become invalid at restart and are not accepted by other instances; configure keys in production.", id);
        }
        return rsaKey(id, publicKey, privateKey);
    }

    private static RSAPrivateKey keptIn(Path file) {
        Optional<String> pem = GeneratedKeyFile.read(file);
        if (pem.isEmpty()) {
            RSAPrivateKey created = newKey();
            GeneratedKeyFile.store(file, created);
            return created;
        }
        try {
            RSAPrivateKey kept = privateKeyOf(pem.get(), "generated");
            log.info("Signing access tokens with the key generated earlier and kept in {}", file);
            return kept;
        } catch (IllegalStateException invalid) {
            throw new IllegalStateException(file + " holds no PKCS#8 RSA private key; delete it to generate a new one "
                    + "(tokens signed by the old one are then refused)", invalid);
        }
    }

    private static RSAPrivateKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(GENERATED_KEY_BITS);
            return (RSAPrivateKey) generator.generateKeyPair().getPrivate();
        } catch (java.security.GeneralSecurityException impossible) {
            throw new IllegalStateException("cannot generate an RSA key", impossible);
        }
    }

    private static List<RSAKey> configured(List<AuthProperties.Key> keys) {
        List<RSAKey> result = new ArrayList<>();
        for (AuthProperties.Key key : keys) {
            if (key.id() == null || key.id().isBlank()) {
                throw new IllegalStateException("every key in orderflow.auth.keys needs an id");
            }
            RSAPrivateKey privateKey = hasText(key.privateKey()) ? privateKeyOf(key.privateKey(), key.id()) : null;
            RSAPublicKey publicKey = hasText(key.publicKey()) ? publicKeyOf(key.publicKey(), key.id())
                    : publicKeyOf(privateKey, key.id());
            result.add(rsaKey(key.id(), publicKey, privateKey));
        }
        return result;
    }

    private static RSAPublicKey publicKeyOf(RSAPrivateKey privateKey, String id) {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("key " + id + " needs a public-key, or a private-key to derive it from");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (java.security.GeneralSecurityException invalid) {
            throw new IllegalStateException("key " + id + " is not a valid RSA key", invalid);
        }
    }

    private static RSAKey rsaKey(String id, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        RSAKey.Builder builder = new RSAKey.Builder(publicKey).keyID(id).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
        if (privateKey != null) {
            builder.privateKey(privateKey);
        }
        return builder.build();
    }

    private static RSAPrivateKey privateKeyOf(String pem, String id) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException invalid) {
            throw new IllegalStateException("private-key of key " + id + " is not a PKCS#8 RSA key in PEM", invalid);
        }
    }

    private static RSAPublicKey publicKeyOf(String pem, String id) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException invalid) {
            throw new IllegalStateException("public-key of key " + id + " is not an X.509 RSA key in PEM", invalid);
        }
    }

    /** The bytes of a PEM block; line breaks are optional, so a key fits into one environment variable. */
    private static byte[] der(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
