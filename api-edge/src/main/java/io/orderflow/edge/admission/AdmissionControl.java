package io.orderflow.edge.admission;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.operations.FindProcessorBacklogQuery;
import io.orderflow.contracts.operations.ProcessorBacklogView;
import io.orderflow.edge.dispatch.Queries;
import io.orderflow.edge.problem.ApiProblem;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses {@code POST /api/orders} with {@code 503 OVERLOADED} while the order saga's oldest unhandled event is
 * older than {@code orderflow.edge.admission.max-wait}. Runs after authentication and the rate limit, so a
 * refusal goes only to a caller who could have placed the order; cancellations, reads and the administrators'
 * requests are never refused. If the backlog cannot be read, orders are admitted: the request then fails or
 * succeeds on its own. A refusal is expected behaviour, not a failure: it is logged at debug level only, and
 * counted by the HTTP server metrics ({@code status="503"}).
 */
@Component
@EnableConfigurationProperties(AdmissionProperties.class)
class AdmissionControl implements WebFilter, Ordered, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AdmissionControl.class);
    private static final String ORDERS = "/api/orders";

    private final AdmissionProperties properties;
    private final Queries queries;
    private volatile ProcessorBacklogView backlog;
    private volatile Disposable sampling;

    AdmissionControl(AdmissionProperties properties, Queries queries) {
        this.properties = properties;
        this.queries = queries;
    }

    @Override
    public int getOrder() {
        return 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.POST
                || !ORDERS.equals(exchange.getRequest().getPath().pathWithinApplication().value())
                || !overloaded()) {
            return chain.filter(exchange);
        }
        long retryAfter = Math.max(1, properties.retryAfter().toSeconds());
        // the order's body is read and dropped first: answered before its body was read, a refusal left the next
        // request on the same keep-alive connection unanswered in the benchmark (3 of 85 refusals; none since);
        // Reactor Netty 1.3.x has keep-alive read bugs of this kind (reactor-netty#4347, #4361)
        return exchange.getRequest().getBody().doOnNext(DataBufferUtils::release).then(Mono.error(ApiProblem.of(ErrorCode.OVERLOADED,
                        "Too many orders are waiting to be processed. Retry after " + retryAfter + " s.")
                .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))));
    }

    /** Whether the last sample was too far behind; never when disabled, since nothing is sampled then. */
    boolean overloaded() {
        ProcessorBacklogView current = backlog;
        return current != null && current.oldestWaiting().compareTo(properties.maxWait()) > 0;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        FindProcessorBacklogQuery query = new FindProcessorBacklogQuery(properties.processor());
        sampling = Flux.interval(Duration.ZERO, properties.sampleInterval())
                .onBackpressureDrop()
                .concatMap(tick -> queries.one(query, ProcessorBacklogView.class)
                        .doOnError(error -> log.debug("Cannot read the backlog of {}; admitting orders", properties.processor(), error))
                        .onErrorResume(error -> Mono.fromRunnable(() -> backlog = null)), 1)
                .subscribe(sample -> backlog = sample);
    }

    @Override
    public void stop() {
        Disposable current = sampling;
        if (current != null) {
            current.dispose();
        }
        sampling = null;
    }

    @Override
    public boolean isRunning() {
        return sampling != null;
    }
}
