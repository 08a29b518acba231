package io.orderflow.platform.observability;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Documents {@link TracingConfiguration#TRACE_ID_HEADER} on every response of every operation, where springdoc is (the edge). */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
public class TraceIdOpenApiConfiguration {

    @Bean
    OpenApiCustomizer traceIdResponseHeaderDocumentation() {
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                operation.getResponses().values().forEach(response -> response.addHeaderObject(TracingConfiguration.TRACE_ID_HEADER,
                        new Header()
                                .description("The trace id of this request (W3C trace context): find its spans and logs by it")
                                .schema(new StringSchema().pattern("^[0-9a-f]{32}$"))))));
    }
}
