package io.orderflow.platform.observability;

import io.opentelemetry.api.OpenTelemetry;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;

/**
 * One trace per order: Axon creates its spans on the application's OpenTelemetry (Boot's SDK, sampler and
 * exporters) and carries the context in each message's metadata ({@code traceparent}), so the events in
 * the store and the saga that handles them later stay in the request's trace. Every HTTP response names
 * its trace in {@link #TRACE_ID_HEADER} ({@link TraceIdHeaderConfiguration}). An auto-configuration, before Axon's tracing one (whose default span
 * factory then backs off); in a service without Axon the span factory is an unused bean.
 */
@AutoConfiguration(beforeName = {"org.axonframework.springboot.autoconfig.AxonTracingAutoConfiguration",
        "org.axonframework.springboot.autoconfig.OpenTelemetryAutoConfiguration"},
        afterName = "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration")
public class TracingConfiguration {

    /** Response header with the request's trace id (32 hex digits). */
    public static final String TRACE_ID_HEADER = "X-Trace-Id";

    @Bean
    @ConditionalOnBean(OpenTelemetry.class)
    SpanFactory axonSpanFactory(OpenTelemetry openTelemetry) {
        return OpenTelemetrySpanFactory.builder()
                .tracer(openTelemetry.getTracer("AxonFramework-OpenTelemetry"))
                .contextPropagators(openTelemetry.getPropagators().getTextMapPropagator())
                .build();
    }
}
