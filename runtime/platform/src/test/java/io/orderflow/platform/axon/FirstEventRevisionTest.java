package io.orderflow.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.PaymentId;
import io.orderflow.contracts.order.ChargeNotKept;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

/**
 * The upcaster to revision 1: a Money loses its derived {@code negative} wherever it is nested, and nothing
 * else changes; events of a revision, and stored types outside the contracts, are left alone.
 */
class FirstEventRevisionTest {

    private static final String CHARGE_NOT_KEPT = ChargeNotKept.class.getName();
    private final Serializer serializer = Serializers.forMessages();

    @Test
    void dropsTheDerivedNegativeFromEveryNestedMoneyAndKeepsTheAmountsExact() {
        String stored = """
                {"orderId":"o-1","lines":[{"quantity":2,"unitPrice":{"amount":34.90,"currency":"EUR","negative":false}}],\
                "total":{"amount":0.00,"currency":"EUR","negative":false}}""";

        SerializedObject<byte[]> upcast = read("io.orderflow.contracts.order.SomeEvent", null, stored)
                .serializePayload(serializer, byte[].class);

        assertThat(upcast.getType().getRevision()).isEqualTo(FirstEventRevision.REVISION);
        assertThat(new String(upcast.getData(), StandardCharsets.UTF_8)).isEqualTo("""
                {"orderId":"o-1","lines":[{"quantity":2,"unitPrice":{"amount":34.90,"currency":"EUR"}}],\
                "total":{"amount":0.00,"currency":"EUR"}}""");
    }

    @Test
    void keepsAFieldNamedNegativeThatIsNoMoney() {
        String stored = """
                {"reading":{"value":3,"negative":true}}""";

        SerializedObject<byte[]> upcast = read("io.orderflow.contracts.order.SomeEvent", null, stored)
                .serializePayload(serializer, byte[].class);

        assertThat(new String(upcast.getData(), StandardCharsets.UTF_8)).isEqualTo(stored);
    }

    @Test
    void leavesEventsOfARevisionAndTypesOutsideTheContractsAsStored() {
        String withNegative = """
                {"amount":{"amount":1.00,"currency":"EUR","negative":false}}""";

        for (var type : List.of(new String[] {CHARGE_NOT_KEPT, "1"}, new String[] {"com.example.Elsewhere", null})) {
            SerializedObject<byte[]> read = read(type[0], type[1], withNegative).serializePayload(serializer, byte[].class);
            assertThat(read.getType().getRevision()).isEqualTo(type[1]);
            assertThat(new String(read.getData(), StandardCharsets.UTF_8)).isEqualTo(withNegative);
        }
    }

    @Test
    void todaysEventsAreWrittenAsRevisionOneWithMoneyAsItsTwoComponents() {
        ChargeNotKept event = new ChargeNotKept(OrderId.of("o-1"), PaymentId.forOrder(OrderId.of("o-1")), Money.of("-34.9", "EUR"));

        SerializedObject<String> written = serializer.serialize(event, String.class);

        assertThat(written.getType().getRevision()).isEqualTo("1");
        assertThat(written.getData()).contains("\"amount\":{\"amount\":-34.90,\"currency\":\"EUR\"}");
        assertThat((Object) serializer.deserialize(written)).isEqualTo(event);
    }

    private DomainEventMessage<?> read(String type, String revision, String payload) {
        var entry = new GenericDomainEventEntry<>("Order", "o-1", 0, "e-1", "2026-01-01T00:00:00Z", type, revision,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer, Upcasters.chain()).next();
    }
}
