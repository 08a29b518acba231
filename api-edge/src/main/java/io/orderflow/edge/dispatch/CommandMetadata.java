package io.orderflow.edge.dispatch;

import io.orderflow.contracts.common.MetadataKeys;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.messaging.MetaData;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * What every command from the edge carries besides its payload, for audits and replays: {@code who} sent it
 * (the token's subject) and, when the client sent one, its {@code idempotencyKey}. Axon's correlation data
 * providers copy both onto the events the command causes. They travel to {@link Commands} in the Reactor
 * context, so no controller passes them along by hand.
 */
public final class CommandMetadata {

    /** Metadata key of the caller's id (the token subject). */
    public static final String WHO = MetadataKeys.WHO;
    /** Metadata key of the client's Idempotency-Key. */
    public static final String IDEMPOTENCY_KEY = MetadataKeys.IDEMPOTENCY_KEY;

    private static final String CONTEXT_KEY = CommandMetadata.class.getName() + ".idempotencyKey";

    private CommandMetadata() {
    }

    /** Adds the idempotency key to the metadata of every command sent inside the decorated publisher. */
    public static Function<Context, Context> withIdempotencyKey(String key) {
        return context -> context.put(CONTEXT_KEY, key);
    }

    static Mono<MetaData> current() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(authentication -> Map.<String, Object>of(WHO, authentication.getName()))
                .defaultIfEmpty(Map.of())
                .flatMap(caller -> Mono.deferContextual(context -> {
                    Map<String, Object> entries = new HashMap<>(caller);
                    context.<String>getOrEmpty(CONTEXT_KEY).ifPresent(key -> entries.put(IDEMPOTENCY_KEY, key));
                    return Mono.just(MetaData.from(entries));
                }));
    }
}
