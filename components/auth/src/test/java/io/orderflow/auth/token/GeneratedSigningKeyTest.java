package io.orderflow.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.auth.AuthProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Without configured keys, a single-node run generates its signing key once, keeps it owner-only beside its data
 * and signs with it again after a restart, so tokens issued before the restart stay valid.
 */
class GeneratedSigningKeyTest {

    @TempDir
    Path data;

    @Test
    void aTokenIssuedBeforeARestartIsAcceptedAfterIt() {
        Path file = data.resolve(LocalKeysConfiguration.GENERATED_KEY_FILE);
        SigningKeys beforeRestart = new SigningKeys(noKeys(), Optional.of(file));
        String token = issuer(beforeRestart).issue("customer-1", "ada@example.com", List.of("CUSTOMER")).accessToken();

        SigningKeys afterRestart = new SigningKeys(noKeys(), Optional.of(file));

        assertThat(afterRestart.signingKey().getKeyID()).isEqualTo(beforeRestart.signingKey().getKeyID()).startsWith("generated-");
        ReactiveJwtDecoder resourceServer = ResourceServer.trusting(afterRestart.publicKeys());
        assertThat(resourceServer.decode(token).block().getSubject()).isEqualTo("customer-1");
    }

    @Test
    void theKeptKeyIsReadableByItsOwnerOnly() throws IOException {
        Path file = data.resolve(LocalKeysConfiguration.GENERATED_KEY_FILE);

        new SigningKeys(noKeys(), Optional.of(file));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void withoutADataDirectoryEachStartHasANewKeyAndWritesNothing() throws IOException {
        SigningKeys first = new SigningKeys(noKeys(), Optional.empty());
        SigningKeys second = new SigningKeys(noKeys(), Optional.empty());

        assertThat(first.signingKey().getKeyID()).isNotEqualTo(second.signingKey().getKeyID());
        try (var files = Files.list(data)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void configuredKeysAreUsedAndNothingIsGenerated() throws Exception {
        Path file = data.resolve(LocalKeysConfiguration.GENERATED_KEY_FILE);
        AuthProperties configured = properties(List.of(new AuthProperties.Key("2026-01", privatePem(), null)));

        SigningKeys keys = new SigningKeys(configured, Optional.of(file));

        assertThat(keys.signingKey().getKeyID()).isEqualTo("2026-01");
        assertThat(file).doesNotExist();
    }

    @Test
    void refusesAKeptKeyOthersMayRead() throws IOException {
        Path file = data.resolve(LocalKeysConfiguration.GENERATED_KEY_FILE);
        new SigningKeys(noKeys(), Optional.of(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> new SigningKeys(noKeys(), Optional.of(file)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("may be read or changed by others")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void refusesAKeptFileThatHoldsNoKey() throws IOException {
        Path file = data.resolve(LocalKeysConfiguration.GENERATED_KEY_FILE);
        new SigningKeys(noKeys(), Optional.of(file));
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> new SigningKeys(noKeys(), Optional.of(file)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds no PKCS#8 RSA private key")
                .hasMessageContaining("delete it");
    }

    @Test
    void refusesADataDirectoryItCannotWrite() throws IOException {
        // a regular file where the key's directory belongs: not writable for anyone, root included
        Files.writeString(data.resolve("auth"), "not a directory");
        Path file = data.resolve(LocalKeysConfiguration.GENERATED_KEY_FILE);

        assertThatThrownBy(() -> new SigningKeys(noKeys(), Optional.of(file)))
                .hasMessageContaining("cannot keep the generated signing key").hasMessageContaining("orderflow.auth.keys");
    }

    private static AuthProperties noKeys() {
        return properties(List.of());
    }

    private static AuthProperties properties(List<AuthProperties.Key> keys) {
        return new AuthProperties(true, Duration.ofMinutes(15), null, keys, null, 4);
    }

    private static TokenIssuer issuer(SigningKeys keys) {
        return new TokenIssuer(keys, noKeys(), ResourceServer.CLAIMS, new StaticListableBeanFactory().getBeanProvider(Clock.class));
    }

    private static String privatePem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return "-----BEGIN PRIVATE KEY-----" + Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "-----END PRIVATE KEY-----";
    }
}
