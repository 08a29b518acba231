package io.orderflow.app.observability;

import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import io.opentelemetry.api.OpenTelemetry;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.WebFilter;

/**
 * One trace per order: Axon creates its spans on the application's OpenTelemetry (Boot's SDK, sampler and
 * exporters) and carries the context in each message's metadata ({@code traceparent}), so the events in
 * the store and the saga that handles them later stay in the request's trace. Every HTTP response names
 * its trace in {@link #TRACE_ID_HEADER}.
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    /** Response header with the request's trace id (32 hex digits). */
    public static final String TRACE_ID_HEADER = "X-Trace-Id";

    @Bean
    SpanFactory axonSpanFactory(OpenTelemetry openTelemetry) {
        return OpenTelemetrySpanFactory.builder()
                .tracer(openTelemetry.getTracer("AxonFramework-OpenTelemetry"))
                .contextPropagators(openTelemetry.getPropagators().getTextMapPropagator())
                .build();
    }

    @Bean
    WebFilter traceIdResponseHeader() {
        return (exchange, chain) -> {
            ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                    .map(context -> context.<TracingContext>get(TracingContext.class))
                    .filter(tracing -> tracing != null && tracing.getSpan() != null)
                    .ifPresent(tracing -> exchange.getResponse().getHeaders()
                            .set(TRACE_ID_HEADER, tracing.getSpan().context().traceId()));
            return chain.filter(exchange);
        };
    }

    /** Documents the header on every response of every operation. */
    @Bean
    OpenApiCustomizer traceIdResponseHeaderDocumentation() {
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                operation.getResponses().values().forEach(response -> response.addHeaderObject(TRACE_ID_HEADER, new Header()
                        .description("The trace id of this request (W3C trace context): find its spans and logs by it")
                        .schema(new StringSchema().pattern("^[0-9a-f]{32}$"))))));
    }
}
