package io.orderflow.auditor.storedforms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.auditor.storedforms.StoredForms.StoredEvent;
import io.orderflow.platform.axon.FirstEventRevision;
import io.orderflow.platform.axon.Serializers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** Every stored event of every generation reads as today's revision of its type, the same as today's code writes it. */
class StoredEventsTest {

    private static final List<String> GENERATIONS = StoredForms.GENERATIONS;
    private final Serializer serializer = Serializers.forMessages();

    @ParameterizedTest
    @FieldSource("GENERATIONS")
    void holdsEveryEventTypeTheContractsDeclareAndEachCarriesARevision(String generation) throws Exception {
        StoredForms forms = StoredForms.of(generation);
        Set<String> stored = allRows(forms).stream().map(StoredEvent::payloadType).collect(Collectors.toCollection(TreeSet::new));

        assertThat(stored).isEqualTo(revisionedTypesOfTheContracts());
        for (String type : stored) {
            assertThat(Class.forName(type).getAnnotation(Revision.class)).as(type).isNotNull();
        }
    }

    @ParameterizedTest
    @FieldSource("GENERATIONS")
    void readsEveryStoredEventAsTodaysFormOfItsType(String generation) {
        List<StoredEvent> rows = allRows(StoredForms.of(generation));
        List<DomainEventMessage<?>> asStored = StoredForms.readAsStored(rows);
        List<DomainEventData<byte[]>> today = StoredForms.writtenToday(rows);

        for (int index = 0; index < rows.size(); index++) {
            StoredEvent row = rows.get(index);
            SerializedObject<byte[]> upcasted = asStored.get(index).serializePayload(serializer, byte[].class);
            JsonNode upcastedTree = StoredForms.tree(upcasted.getData());
            assertThat(upcasted.getType().getRevision()).as(row.payloadType()).isEqualTo(FirstEventRevision.REVISION);
            assertThat(today.get(index).getPayload().getType().getRevision()).as(row.payloadType()).isEqualTo(FirstEventRevision.REVISION);
            assertThat(upcastedTree).as(row.payloadType()).isEqualTo(StoredForms.tree(today.get(index).getPayload().getData()));
            assertThat(upcastedTree.findValue("negative")).as(row.payloadType() + " without derived fields").isNull();
            assertThat(asStored.get(index).getMetaData()).isEqualTo(StoredForms.readAsWrittenToday(List.of(row)).get(0).getMetaData());
        }
    }

    @ParameterizedTest
    @FieldSource("GENERATIONS")
    void givesTheSameEventsAsTheSameHistoryWrittenByTodaysCode(String generation) {
        List<StoredEvent> rows = allRows(StoredForms.of(generation));

        List<Object> asStored = StoredForms.readAsStored(rows).stream().<Object>map(DomainEventMessage::getPayload).toList();
        List<Object> asWrittenToday = StoredForms.readAsWrittenToday(rows).stream().<Object>map(DomainEventMessage::getPayload).toList();

        assertThat(asStored).hasSize(rows.size()).isEqualTo(asWrittenToday);
    }

    @ParameterizedTest
    @FieldSource("GENERATIONS")
    void keepsMoneyExactlyAsStored(String generation) {
        List<StoredEvent> rows = StoredForms.of(generation).events();
        StoredEvent placed = rows.stream().filter(row -> row.payloadType().endsWith(".OrderPlaced")).findFirst().orElseThrow();

        JsonNode stored = StoredForms.tree(StoredForms.bytes(placed.payload()));
        JsonNode upcasted = StoredForms.tree(StoredForms.readAsStored(List.of(placed)).get(0)
                .serializePayload(serializer, byte[].class).getData());

        assertThat(stored.get("total").has("negative")).as("the fixture holds the old form").isTrue();
        assertThat(upcasted.get("total").get("amount")).isEqualTo(stored.get("total").get("amount"));
        assertThat(upcasted.get("total").get("amount").decimalValue().scale()).isEqualTo(2);
        assertThat(upcasted.get("lines").get(0).get("unitPrice").fieldNames()).toIterable().containsExactly("amount", "currency");
        assertThat(new String(StoredForms.readAsStored(List.of(placed)).get(0).serializePayload(serializer, byte[].class).getData(),
                java.nio.charset.StandardCharsets.UTF_8))
                .as("as the timeline shows it").contains("\"tax\":{\"amount\":0.00,\"currency\":\"EUR\"}");
    }

    /** The rows of no longer written types have no aggregate: they are given one, as a stream needs. */
    static List<StoredEvent> allRows(StoredForms forms) {
        List<StoredEvent> rows = new ArrayList<>(forms.events());
        long sequence = 0;
        for (StoredEvent row : forms.eventsNoLongerWritten()) {
            rows.add(new StoredEvent(0, "no-longer-written-" + sequence, "no-longer-written", sequence++, "Order",
                    row.payloadType(), row.payloadRevision(), "2026-01-01T00:00:00Z", row.payload(), row.metaData()));
        }
        return rows;
    }

    private static Set<String> revisionedTypesOfTheContracts() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        return scanner.findCandidateComponents("io.orderflow.contracts").stream().map(BeanDefinition::getBeanClassName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
