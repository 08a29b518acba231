package io.orderflow.platform.observability;

import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.WebFilter;

/**
 * Every HTTP response names its trace in {@link TracingConfiguration#TRACE_ID_HEADER}; only in a reactive web
 * application (a module's test context without WebFlux on its classpath skips it).
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.web.server.WebFilter")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class TraceIdHeaderConfiguration {

    @Bean
    WebFilter traceIdResponseHeader() {
        return (exchange, chain) -> {
            ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                    .map(context -> context.<TracingContext>get(TracingContext.class))
                    .filter(tracing -> tracing != null && tracing.getSpan() != null)
                    .ifPresent(tracing -> exchange.getResponse().getHeaders()
                            .set(TracingConfiguration.TRACE_ID_HEADER, tracing.getSpan().context().traceId()));
            return chain.filter(exchange);
        };
    }
}
