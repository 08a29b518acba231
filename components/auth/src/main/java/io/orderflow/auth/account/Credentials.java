package io.orderflow.auth.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Password hashing and checking, on {@code boundedElastic}: a bcrypt hash takes tens of milliseconds of
 * CPU, which the event loop must not spend. Also the one rule for how e-mail addresses are compared.
 */
@Component
class Credentials {

    /** bcrypt reads at most 72 bytes; a longer password would be silently truncated, so it is refused. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final PasswordEncoder encoder;
    private final String hashOfNothing;

    Credentials(PasswordEncoder encoder) {
        this.encoder = encoder;
        this.hashOfNothing = encoder.encode("no account has this password " + System.nanoTime());
    }

    static String normalizedEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether bcrypt reads all of {@code password}, when it may read {@code maxBytes}. */
    static boolean hashable(String password, int maxBytes) {
        return password.getBytes(StandardCharsets.UTF_8).length <= maxBytes;
    }

    Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> encoder.matches(password, hash)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Spends the time of a real check when there is no account, so timing does not tell which part was wrong. */
    Mono<Boolean> matchesNothing(String password) {
        return matches(password, hashOfNothing).thenReturn(false);
    }
}
