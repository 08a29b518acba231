package io.orderflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.orderflow.contracts.integration.OrderLifecycleEvent;
import io.orderflow.contracts.payment.PaymentRequest;
import io.orderflow.contracts.payment.PaymentResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema of each Kafka message: a valid draft 2020-12 schema, exactly the fields of the record that
 * is sent, strict enough to catch what a producer must not send, and its examples (each message as the
 * producers of version 1 write it) valid. The examples are the fixtures the consumers' compatibility tests
 * read: like the schema file, they never change once published.
 */
class KafkaContractSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("payments.requests", PaymentRequest.SCHEMA, PaymentRequest.class),
                Arguments.of("payments.results", PaymentResult.SCHEMA, PaymentResult.class),
                Arguments.of("orders.events", OrderLifecycleEvent.SCHEMA, OrderLifecycleEvent.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void keepsTheSchemaOfTheCurrentVersionUnderItsTopic(String topic, String location, Class<?> message) {
        assertThat(location).isEqualTo("/schemas/" + topic + "/" + message.getSimpleName() + ".v1.json");
        JsonNode schema = read(location);
        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.at("/properties/version/const").asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void isAValidDraft2020Schema(String topic, String location, Class<?> message) {
        Schema metaSchema = SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(metaSchema.validate(read(location))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void namesExactlyTheFieldsOfTheRecordAndRequiresThemAll(String topic, String location, Class<?> message) {
        JsonNode schema = read(location);
        List<String> components = Arrays.stream(message.getRecordComponents()).map(RecordComponent::getName).toList();

        assertThat(schema.get("properties").propertyNames()).containsExactlyElementsOf(components);
        assertThat(schema.get("required").valueStream().map(JsonNode::asString)).containsExactlyElementsOf(components);
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void acceptsEveryExampleOfVersion1(String topic, String location, Class<?> message) {
        Schema schema = schema(location);
        List<JsonNode> examples = examples(location);

        assertThat(examples).isNotEmpty();
        assertThat(examples).allSatisfy(example -> assertThat(schema.validate(example)).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void refusesAFieldItDoesNotName(String topic, String location, Class<?> message) {
        ObjectNode extra = (ObjectNode) examples(location).get(0).deepCopy();
        extra.put("loyaltyPoints", 12);

        assertThat(messages(schema(location).validate(extra))).anyMatch(error -> error.contains("loyaltyPoints"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void refusesAMessageWithoutItsVersionOrOfAnotherVersion(String topic, String location, Class<?> message) {
        ObjectNode withoutVersion = (ObjectNode) examples(location).get(0).deepCopy();
        withoutVersion.remove("version");
        ObjectNode version2 = (ObjectNode) examples(location).get(0).deepCopy();
        version2.put("version", 2);

        assertThat(schema(location).validate(withoutVersion)).isNotEmpty();
        assertThat(schema(location).validate(version2)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void refusesAnAmountWrittenAsAString(String topic, String location, Class<?> message) {
        ObjectNode amountAsText = (ObjectNode) examples(location).get(0).deepCopy();
        amountAsText.put("amount", "105.00");

        assertThat(messages(schema(location).validate(amountAsText))).anyMatch(error -> error.contains("amount"));
    }

    @org.junit.jupiter.api.Test
    void refusesALifecycleEventWhoseAmountDoesNotFitItsType() {
        Schema schema = schema(OrderLifecycleEvent.SCHEMA);
        ObjectNode confirmedWithAmount = (ObjectNode) example(OrderLifecycleEvent.SCHEMA, "OrderConfirmed").deepCopy();
        confirmedWithAmount.put("amount", 1).put("currency", "EUR");
        ObjectNode placedWithoutAmount = (ObjectNode) example(OrderLifecycleEvent.SCHEMA, "OrderPlaced").deepCopy();
        placedWithoutAmount.putNull("amount").putNull("currency");
        ObjectNode cancelledWithoutReason = (ObjectNode) example(OrderLifecycleEvent.SCHEMA, "OrderCancelled").deepCopy();
        cancelledWithoutReason.putNull("cancellationReason");

        assertThat(schema.validate(confirmedWithAmount)).isNotEmpty();
        assertThat(schema.validate(placedWithoutAmount)).isNotEmpty();
        assertThat(schema.validate(cancelledWithoutReason)).isNotEmpty();
    }

    private static Schema schema(String location) {
        return SCHEMAS.getSchema(read(location).toString(), InputFormat.JSON);
    }

    private static List<JsonNode> examples(String location) {
        List<JsonNode> examples = new ArrayList<>();
        read(location).get("examples").forEach(examples::add);
        return examples;
    }

    private static JsonNode example(String location, String type) {
        return examples(location).stream().filter(example -> type.equals(example.get("type").asString())).findFirst().orElseThrow();
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }

    private static JsonNode read(String location) {
        try (InputStream in = KafkaContractSchemasTest.class.getResourceAsStream(location)) {
            assertThat(in).as(location).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
