package io.orderflow.edge.idempotency;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.edge.dispatch.CommandMetadata;
import io.orderflow.edge.idempotency.IdempotencyStore.Claim;
import io.orderflow.edge.idempotency.IdempotencyStore.StoredResponse;
import io.orderflow.edge.problem.ApiProblem;
import io.orderflow.edge.problem.FieldViolation;
import io.orderflow.edge.security.Caller;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a request at most once per {@code Idempotency-Key} and customer, and answers repeats from the store.
 * The request is identified by method, path and its body as parsed (re-serialized, so whitespace and the
 * order of fields do not matter).
 */
@Component
@EnableConfigurationProperties(IdempotencyProperties.class)
public class Idempotency {

    /** The request header, as in the IETF draft "The Idempotency-Key HTTP Header Field". */
    public static final String HEADER = "Idempotency-Key";
    /** Set on a response answered from the store. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyStore store;
    private final IdempotencyProperties properties;
    private final JsonMapper json;

    Idempotency(IdempotencyStore store, IdempotencyProperties properties, JsonMapper json) {
        this.store = store;
        this.properties = properties;
        this.json = json;
    }

    /**
     * Runs {@code action} unless {@code key} has been used before by {@code caller}; without a key, just runs it.
     *
     * @param body the parsed request body, or null for a request without one
     */
    public <T> Mono<ResponseEntity<T>> once(Caller caller, String key, ServerHttpRequest request, Object body,
            Class<T> answerType, Supplier<Mono<ResponseEntity<T>>> action) {
        if (key == null) {
            return Mono.defer(action);
        }
        return Mono.defer(() -> {
            requireValid(key);
            String requestHash = hashOf(request, body);
            return store.claim(caller.subject(), key, requestHash, properties.retention(), properties.inFlightTimeout())
                    .flatMap(claim -> claim instanceof Claim.Claimed claimed
                            ? run(claimed, action)
                            : answerAgain((Claim.Taken) claim, requestHash, answerType));
        });
    }

    /**
     * Like {@link #once}, for an action whose outcome is recorded elsewhere, atomically with the action itself:
     * an order placement, whose key names the order, so that the event store holds it once. The key is claimed
     * as by {@link #once}, but no response is stored: one write to the store per request instead of two. A
     * repeat that finds the key in flight asks {@code recorded} for the first request's answer (empty: it is
     * still running, {@code 409 IDEMPOTENCY_KEY_IN_USE}). When the action fails, {@code recorded} is asked as
     * well (the key may have been used before its claim expired or was taken over): its answer stands, else
     * the failure; either way the claim is released.
     *
     * @param recorded the answer of an earlier request with this key, if one completed; may fail with a problem
     */
    public <T> Mono<ResponseEntity<T>> onceRecordedElsewhere(Caller caller, String key, ServerHttpRequest request,
            Object body, Class<T> answerType, Supplier<Mono<ResponseEntity<T>>> action,
            Supplier<Mono<ResponseEntity<T>>> recorded) {
        return Mono.defer(() -> {
            requireValid(key);
            String requestHash = hashOf(request, body);
            return store.claim(caller.subject(), key, requestHash, properties.retention(), properties.inFlightTimeout())
                    .flatMap(claim -> {
                        if (claim instanceof Claim.Claimed claimed) {
                            return Mono.defer(action)
                                    .contextWrite(CommandMetadata.withIdempotencyKey(key))
                                    .onErrorResume(failure -> store.release(claimed).onErrorComplete()
                                            .then(Mono.defer(recorded))
                                            .map(Idempotency::replayed)
                                            .switchIfEmpty(Mono.error(failure)));
                        }
                        Claim.Taken taken = (Claim.Taken) claim;
                        if (taken.requestHash().equals(requestHash) && taken.inFlight()) {
                            return Mono.defer(recorded).map(Idempotency::replayed)
                                    .switchIfEmpty(Mono.defer(() -> answerAgain(taken, requestHash, answerType)));
                        }
                        return answerAgain(taken, requestHash, answerType);
                    });
        });
    }

    private static <T> ResponseEntity<T> replayed(ResponseEntity<T> answer) {
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(REPLAYED_HEADER, "true").body(answer.getBody());
    }

    private <T> Mono<ResponseEntity<T>> run(Claim.Claimed claim, Supplier<Mono<ResponseEntity<T>>> action) {
        return Mono.defer(action)
                .contextWrite(CommandMetadata.withIdempotencyKey(claim.key()))
                .flatMap(response -> store.complete(claim, stored(response)).thenReturn(response))
                .onErrorResume(failure -> store.release(claim).onErrorComplete().then(Mono.error(failure)));
    }

    private <T> Mono<ResponseEntity<T>> answerAgain(Claim.Taken taken, String requestHash, Class<T> answerType) {
        if (!taken.requestHash().equals(requestHash)) {
            return Mono.error(ApiProblem.of(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request. Use a new key for a new request."));
        }
        if (taken.inFlight()) {
            return Mono.error(ApiProblem.of(ErrorCode.IDEMPOTENCY_KEY_IN_USE,
                    "A request with this Idempotency-Key is still being processed. Retry in a moment."));
        }
        StoredResponse response = taken.response();
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.valueOf(response.status()))
                .header(REPLAYED_HEADER, "true");
        if (response.location() != null) {
            answer.location(URI.create(response.location()));
        }
        return Mono.fromCallable(() -> answer.body(json.readValue(response.body(), answerType)));
    }

    private StoredResponse stored(ResponseEntity<?> response) {
        URI location = response.getHeaders().getLocation();
        return new StoredResponse(response.getStatusCode().value(), location == null ? null : location.toString(),
                json.writeValueAsString(response.getBody()));
    }

    private String hashOf(ServerHttpRequest request, Object body) {
        String canonical = request.getMethod().name() + ' ' + request.getPath().pathWithinApplication().value() + '\n'
                + (body == null ? "" : json.writeValueAsString(body));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    /** Refuses a key that is not 1 to 255 visible ASCII characters. */
    public static void requireValid(String key) {
        if (!VALID_KEY.matcher(key).matches()) {
            throw ApiProblem.of(ErrorCode.VALIDATION_FAILED, "The Idempotency-Key header is invalid.",
                    List.of(new FieldViolation(HEADER, "must be 1 to 255 visible ASCII characters, such as a UUID")));
        }
    }
}
