package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.orderflow.contracts.common.MetadataKeys;
import io.orderflow.platform.axon.ProcessorLag;
import io.orderflow.platform.axon.ProcessorPauses;
import io.orderflow.platform.observability.EventProcessorsHealthIndicator;
import io.orderflow.platform.observability.ProcessorProgress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Traces, metrics and health of the running system: one trace from the HTTP request to the order's
 * payment outcome, through Axon's metadata and Kafka's headers; the trace context stored with the events;
 * every metric family in the Prometheus scrape; readiness with its indicators.
 */
@OrderflowTest
class ObservabilityTest {

    @LocalServerPort int port;
    @LocalManagementPort int managementPort;
    @Autowired SpanRecorder spans;
    @Autowired JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    /** Places an order over HTTP and answers its id and the trace id of the response. */
    private String[] placeAnOrder() {
        String product = api.addProduct("Traced kettle", "30.00", 50);
        String customer = api.aCustomer();
        var response = api.as(customer).post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Api.anOrder(customer, Map.of(product, 1)))
                .exchange().expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult();
        String traceId = response.getResponseHeaders().getFirst("X-Trace-Id");
        assertThat(traceId).matches("[0-9a-f]{32}");
        return new String[] {response.getResponseBody().get("orderId").asString(), traceId};
    }

    @Test
    void oneTraceFollowsTheOrderFromTheRequestThroughKafkaToThePaymentOutcome() {
        String[] placed = placeAnOrder();
        String traceId = placed[1];
        api.awaitOrderStatus(placed[0], "CONFIRMED", "CANCELLED");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SpanData> trace = spans.ofTrace(traceId);
            List<String> names = trace.stream().map(span -> span.getKind() + " " + span.getName()).toList();
            assertThat(trace).as("spans of the trace: %s", names)
                    .anyMatch(span -> span.getKind() == SpanKind.SERVER && span.getName().contains("/api/orders"))
                    .anyMatch(named(name -> name.contains("PlaceOrderCommand")))
                    .anyMatch(named(name -> name.contains("OrderSaga")))
                    .anyMatch(span -> span.getKind() == SpanKind.PRODUCER && span.getName().equals("payments.requests send"))
                    .anyMatch(span -> span.getKind() == SpanKind.CONSUMER && span.getName().equals("payments.requests process"))
                    .anyMatch(span -> span.getKind() == SpanKind.PRODUCER && span.getName().equals("payments.results send"))
                    .anyMatch(span -> span.getKind() == SpanKind.CONSUMER && span.getName().equals("payments.results process"))
                    .anyMatch(named(name -> name.contains("RecordPaymentApprovedCommand") || name.contains("RecordPaymentDeclinedCommand")));
        });
    }

    private static Predicate<SpanData> named(Predicate<String> name) {
        return span -> name.test(span.getName());
    }

    @Test
    void theEventsInTheStoreCarryTheTraceContextOfTheRequest() {
        String[] placed = placeAnOrder();
        api.awaitOrderStatus(placed[0], "CONFIRMED", "CANCELLED");

        List<String> metadata = jdbc.queryForList("SELECT convert_from(meta_data, 'UTF8') FROM axon.domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", String.class, placed[0]);
        // the first event (placed, from the request's command) and the last (the outcome, from the
        // payment result consumed from Kafka) are in the request's trace
        assertThat(metadata.get(0)).contains("\"" + MetadataKeys.TRACE_PARENT + "\"").contains(placed[1]);
        assertThat(metadata.get(metadata.size() - 1)).contains("\"" + MetadataKeys.TRACE_PARENT + "\"").contains(placed[1]);
    }

    @Test
    void thePrometheusScrapeHasEveryMetricFamilyAfterAnOrder() {
        String[] placed = placeAnOrder();
        api.awaitOrderStatus(placed[0], "CONFIRMED", "CANCELLED");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = Api.management(managementPort).get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(scrape)
                    .contains("orderflow_orders_placed_total")
                    .containsAnyOf("orderflow_orders_confirmed_total", "orderflow_orders_cancelled_total{reason=\"PAYMENT_DECLINED\"")
                    .contains("orderflow_orders_cancelled_total{reason=\"OUT_OF_STOCK\"")
                    .contains("orderflow_order_process_duration_seconds_count")
                    .contains("orderflow_eventprocessor_lag_events{processor=\"order-saga\"")
                    .contains("orderflow_eventprocessor_dead_letters_events{processor=\"order-details\"")
                    .contains("kafka_consumer_fetch_manager_records_lag_max")
                    .contains("orderflow_kafka_dead_letters_total{topic=\"payments.results\"")
                    .contains("http_server_requests_seconds_bucket");
        });
    }

    @Test
    void readinessIsUpWithTheDatabaseKafkaAndTheEventProcessors() {
        api.anonymous.get().uri("/readyz").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        api.anonymous.get().uri("/livez").exchange().expectStatus().isOk();
        for (String component : List.of("db", "kafka", "eventProcessors")) {
            Api.management(managementPort).get().uri("/actuator/health/" + component).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    /**
     * A processor that falls behind and stops moving makes readiness DOWN, with the reason. The stall
     * timeout of the shared context is minutes; this indicator is built over the same processors and
     * token store with a one-second timeout.
     */
    @Test
    void aStalledEventProcessorMakesReadinessDown(@Autowired EventProcessingConfiguration processing) {
        String stalled = "order-integration-events";
        EventProcessorsHealthIndicator readiness = new EventProcessorsHealthIndicator(new ProcessorProgress(
                new ProcessorLag(jdbc), processing, new SimpleMeterRegistry(), Duration.ofSeconds(1), new ProcessorPauses()));
        EventProcessor processor = processing.eventProcessor(stalled).orElseThrow();
        processor.shutDown();
        try {
            readiness.health();
            api.addProduct("Stalled grinder", "20.00", 5);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Health health = readiness.health();
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails().get("problems").toString()).contains(stalled + "=not running; stalled: ");
            });
        } finally {
            processor.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(readiness.health().getStatus()).isEqualTo(Status.UP));
    }

    /**
     * A processor stopped on purpose (a read model's rebuild pauses its live processor) leaves readiness UP and
     * is listed as paused; once its pause ends, a processor still stopped is down again.
     */
    @Test
    void aProcessorPausedOnPurposeLeavesReadinessUp(@Autowired EventProcessingConfiguration processing) {
        String rebuilt = "order-integration-events";
        ProcessorPauses pauses = new ProcessorPauses();
        EventProcessorsHealthIndicator readiness = new EventProcessorsHealthIndicator(new ProcessorProgress(
                new ProcessorLag(jdbc), processing, new SimpleMeterRegistry(), Duration.ofMinutes(2), pauses));
        EventProcessor processor = processing.eventProcessor(rebuilt).orElseThrow();
        pauses.paused(rebuilt, "a replay or verification of its read model");
        processor.shutDown();
        try {
            Health paused = readiness.health();
            assertThat(paused.getStatus()).isEqualTo(Status.UP);
            assertThat(paused.getDetails().get("paused")).isEqualTo(Map.of(rebuilt, "a replay or verification of its read model"));

            pauses.resumed(rebuilt);
            Health stopped = readiness.health();
            assertThat(stopped.getStatus()).isEqualTo(Status.DOWN);
            assertThat(stopped.getDetails().get("problems").toString()).contains(rebuilt + "=not running");
        } finally {
            processor.start();
        }
    }
}
