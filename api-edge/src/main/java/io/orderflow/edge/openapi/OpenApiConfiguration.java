package io.orderflow.edge.openapi;

import io.orderflow.contracts.common.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The document's header, its security scheme, and the error responses of every operation. Which errors an
 * operation can answer follows from what it is: public or not, with a body or not, with an id in its path,
 * and whether it creates something.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer-jwt";
    static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    static final String MONEY_FORMAT = "An amount in the document's `currency`: a JSON number at the currency's scale, "
            + "always with all its decimals (34.90 and 0.00 in EUR, 1500 and 0 in JPY), never a string, never rounded. "
            + "Every endpoint and stream writes amounts so, and so do the Kafka messages.";
    private static final String PRICE_INPUT = "A JSON number with no more decimals than the currency has (34.9 or 34.90 "
            + "in EUR, 1500 in JPY); read back at the currency's scale (34.90).";
    /** The money fields of each schema, with an example. */
    private static final Map<String, Map<String, String>> MONEY_FIELDS = Map.of(
            "OrderView", Map.of("subtotal", "34.90", "tax", "0.00", "total", "34.90"),
            "OrderLineView", Map.of("unitPrice", "34.90", "lineTotal", "34.90"),
            "ProductView", Map.of("price", "34.90"),
            "AddProductRequest", Map.of("price", "34.90"));

    /** Operations anyone may call; the others need a bearer token. */
    private static final Set<String> PUBLIC = Set.of("POST /api/auth/register", "POST /api/auth/token",
            "GET /.well-known/jwks.json", "GET /api/products", "GET /api/products/{productId}", "GET /api/products/stream");

    @Bean
    OpenAPI orderflowOpenApi() {
        return new OpenAPI()
                .info(new Info().title("orderflow API").version("1")
                        .description("Orders for online shops: a public catalogue, customers' orders, and the "
                                + "administrators' catalogue and warehouse. Get a token at POST /api/auth/token "
                                + "and send it as `Authorization: Bearer <token>`. Every error is an RFC 9457 "
                                + "problem document (application/problem+json) with a stable `code`."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("An RS256 access token from POST /api/auth/token (or the configured identity provider).")));
    }

    /**
     * The one money format (decision 0015), said on every amount of the documents the API answers: the views
     * are records of the contracts module, which knows no springdoc, so it is said here, by schema and field.
     */
    @Bean
    OpenApiCustomizer moneyFormat() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            MONEY_FIELDS.forEach((schemaName, fields) -> {
                Schema<?> schema = openApi.getComponents().getSchemas().get(schemaName);
                if (schema == null || schema.getProperties() == null) {
                    return;
                }
                fields.forEach((field, example) -> {
                    Schema<?> property = schema.getProperties().get(field);
                    if (property != null) {
                        property.setDescription(schemaName.endsWith("Request") ? PRICE_INPUT : MONEY_FORMAT);
                        property.setExample(new BigDecimal(example));
                    }
                });
                Schema<?> currency = schema.getProperties().get("currency");
                if (currency != null) {
                    currency.setDescription(schemaName.endsWith("Request") ? "ISO 4217 code of the price; the catalogue's "
                            + "default currency when left out." : "ISO 4217 code of every amount of this document.");
                    currency.setExample("EUR");
                }
            });
        };
    }

    @Bean
    OpenApiCustomizer errorResponsesAndSecurity() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            // added here, not in the base document: springdoc drops schemas no operation refers to yet
            openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                boolean isPublic = PUBLIC.contains(method.name() + " " + path);
                if (!isPublic) {
                    operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                }
                addErrorResponses(path, method, operation, isPublic);
            }));
        };
    }

    private static void addErrorResponses(String path, PathItem.HttpMethod method, Operation operation, boolean isPublic) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean hasBody = operation.getRequestBody() != null;
        if (hasBody) {
            add(responses, "400", "Malformed JSON or invalid fields", ErrorCode.VALIDATION_FAILED, ErrorCode.MALFORMED_REQUEST);
            add(responses, "413", "The body is larger than the configured limit", ErrorCode.PAYLOAD_TOO_LARGE);
            add(responses, "415", "The body is not application/json", ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        if (!isPublic) {
            add(responses, "401", "No valid bearer token", ErrorCode.UNAUTHORIZED);
            add(responses, "403", "The token's role does not allow this", ErrorCode.FORBIDDEN);
        }
        if (path.contains("{")) {
            add(responses, "404", "No such resource (or not yours)", notFoundCode(path));
        }
        if (path.equals("/api/orders") && method == PathItem.HttpMethod.POST) {
            add(responses, "403", "customerId in the body is not the token's customer", ErrorCode.CUSTOMER_MISMATCH);
            add(responses, "409", "The Idempotency-Key's first request is still running", ErrorCode.IDEMPOTENCY_KEY_IN_USE);
            add(responses, "422", "Unknown products, mixed currencies, or an Idempotency-Key reused for another request",
                    ErrorCode.UNKNOWN_PRODUCT, ErrorCode.CURRENCY_MISMATCH, ErrorCode.IDEMPOTENCY_KEY_REUSED);
            add(responses, "503", "The order process is too far behind to take new orders now; retry after Retry-After",
                    ErrorCode.OVERLOADED);
        }
        if (path.startsWith("/api/orders/") && path.endsWith("/cancel")) {
            add(responses, "409", "The order has shipped, or the Idempotency-Key's first request is still running",
                    ErrorCode.ORDER_ALREADY_SHIPPED, ErrorCode.IDEMPOTENCY_KEY_IN_USE);
            add(responses, "422", "The Idempotency-Key was used for another request", ErrorCode.IDEMPOTENCY_KEY_REUSED);
        }
        if (path.startsWith("/api/admin/orders/")) {
            add(responses, "409", "The order is not in a state that allows this", ErrorCode.ILLEGAL_ORDER_TRANSITION,
                    ErrorCode.ORDER_ALREADY_CANCELLED);
        }
        if (path.startsWith("/api/admin/sagas/") && path.endsWith("/resolve")) {
            add(responses, "409", "The order has shipped and cannot be cancelled", ErrorCode.ORDER_ALREADY_SHIPPED);
        }
        if (path.equals("/api/admin/products")) {
            add(responses, "400", "Invalid fields, price or currency", ErrorCode.VALIDATION_FAILED,
                    ErrorCode.INVALID_PRICE, ErrorCode.UNSUPPORTED_CURRENCY);
        }
        if (path.equals("/api/auth/register")) {
            add(responses, "409", "The e-mail address is registered already", ErrorCode.EMAIL_ALREADY_REGISTERED);
        }
        if (path.equals("/api/auth/token")) {
            add(responses, "401", "Wrong e-mail address or password", ErrorCode.INVALID_CREDENTIALS);
        }
        add(responses, "406", "The client accepts no JSON", ErrorCode.NOT_ACCEPTABLE);
        add(responses, "429", "Too many requests; see Retry-After", ErrorCode.RATE_LIMITED);
        add(responses, "500", "An unexpected failure; the detail never shows internals", ErrorCode.INTERNAL_ERROR);
        add(responses, "503", "A service behind the edge is not available", ErrorCode.SERVICE_UNAVAILABLE);
        add(responses, "504", "The request was not handled in time", ErrorCode.TIMEOUT);
        operation.setResponses(responses);
    }

    private static ErrorCode notFoundCode(String path) {
        if (path.startsWith("/api/admin/sagas/")) {
            return ErrorCode.STUCK_SAGA_NOT_FOUND;
        }
        return path.contains("product") ? ErrorCode.PRODUCT_NOT_FOUND : ErrorCode.ORDER_NOT_FOUND;
    }

    /** Adds (or extends) the problem response of {@code status} with one example per code. */
    private static void add(ApiResponses responses, String status, String description, ErrorCode... codes) {
        ApiResponse response = responses.get(status);
        if (response == null || response.getContent() == null || response.getContent().get(PROBLEM_JSON) == null) {
            response = new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
            responses.addApiResponse(status, response);
        } else if (!response.getDescription().contains(description)) {
            response.setDescription(response.getDescription() + "; " + description);
        }
        MediaType problem = response.getContent().get(PROBLEM_JSON);
        Arrays.stream(codes).forEach(code -> problem.addExamples(code.name(), new Example()
                .summary(code.name())
                .value(example(Integer.parseInt(status), code))));
    }

    private static Map<String, Object> example(int status, ErrorCode code) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase());
        example.put("status", status);
        example.put("detail", "A sentence for people, safe to show; never internals.");
        example.put("instance", "/api/orders");
        example.put("code", code.name());
        if (code == ErrorCode.VALIDATION_FAILED) {
            example.put("errors", List.of(Map.of("field", "lines[0].quantity", "message", "must be less than or equal to 10000")));
        }
        return example;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().example("about:blank"));
        properties.put("title", new StringSchema().example("Bad Request"));
        properties.put("status", new IntegerSchema().example(400));
        properties.put("detail", new StringSchema().example("The request has invalid fields."));
        properties.put("instance", new StringSchema().example("/api/orders"));
        properties.put("code", new StringSchema()._enum(Arrays.stream(ErrorCode.values()).map(Enum::name).toList())
                .description("Stable, machine-readable error code; match on this, never on the detail."));
        properties.put("errors", new ArraySchema().items(new ObjectSchema()
                .addProperty("field", new StringSchema()).addProperty("message", new StringSchema()))
                .description("The invalid fields, for 400 VALIDATION_FAILED."));
        return new ObjectSchema().properties(properties).required(List.of("status", "code", "title"))
                .description("RFC 9457 problem details with the orderflow error code.");
    }
}
