package io.orderflow.auditor.storedforms;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.orderflow.contracts.common.ConcernsOrder;
import io.orderflow.platform.axon.Serializers;
import io.orderflow.platform.axon.Upcasters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * The golden fixtures of {@code src/test/resources/stored-forms} (see its README), and the two ways the tests read
 * them: as stored then, through today's upcasters; and as today's code would have written the same history. Both
 * are read by today's event serializer, as the event store reads them.
 */
public final class StoredForms {

    /** Every generation of stored forms kept, oldest first. A later revision adds its folder here. */
    public static final List<String> GENERATIONS = List.of("unrevisioned");

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Serializer EVENT_SERIALIZER = Serializers.forMessages();

    /** One {@code domain_event_entry} row, its payload and metadata as their UTF-8 text. */
    public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                              String type, String payloadType, String payloadRevision, String timeStamp, String payload,
                              String metaData) {

        DomainEventData<byte[]> asEntry() {
            return new GenericDomainEventEntry<>(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timeStamp,
                    payloadType, payloadRevision, bytes(payload), bytes(metaData));
        }
    }

    /** One {@code saga_entry} row with its association values. */
    public record StoredSaga(String sagaId, String revision, String sagaType, String serializedSaga, String associations) {
    }

    /** One {@code snapshot_event_entry} row. */
    public record StoredSnapshot(String aggregateIdentifier, long sequenceNumber, String type, String eventIdentifier,
                                 String payloadType, String payloadRevision, String timeStamp, String payload, String metaData) {
    }

    /** One {@code token_entry} row. */
    public record StoredToken(String processorName, int segment, String tokenType, String token) {
    }

    private final String generation;

    private StoredForms(String generation) {
        this.generation = generation;
    }

    public static StoredForms of(String generation) {
        return new StoredForms(generation);
    }

    public String generation() {
        return generation;
    }

    /** Every event row of the run, in the order of the store. */
    public List<StoredEvent> events() {
        return read("domain-events.json", new TypeReference<>() {
        });
    }

    /** The rows of event types the code of that time still read but no longer wrote (no aggregate or position). */
    public List<StoredEvent> eventsNoLongerWritten() {
        return read("domain-events-no-longer-written.json", new TypeReference<>() {
        });
    }

    public List<StoredSaga> sagas() {
        return read("sagas.json", new TypeReference<>() {
        });
    }

    public List<StoredSnapshot> snapshots() {
        return read("snapshots.json", new TypeReference<>() {
        });
    }

    public List<StoredToken> tokens() {
        return read("tokens.json", new TypeReference<>() {
        });
    }

    /** The order id of each path the run took ({@code delivered}, {@code declined}, ...). */
    public Map<String, String> orders() {
        return read("orders.json", new TypeReference<>() {
        });
    }

    public List<StoredEvent> eventsOfAggregate(String aggregateId) {
        return filter(events(), event -> event.aggregateIdentifier().equals(aggregateId));
    }

    public List<String> aggregatesOfType(String type) {
        return events().stream().filter(event -> type.equals(event.type())).map(StoredEvent::aggregateIdentifier).distinct().toList();
    }

    /** As stored, through today's upcasters, into today's event classes. */
    public static List<DomainEventMessage<?>> readAsStored(List<StoredEvent> rows) {
        return readEntries(rows.stream().map(StoredEvent::asEntry).toList());
    }

    /** The same history as today's code writes it: each event serialized again by today's serializer, then read. */
    public static List<DomainEventMessage<?>> readAsWrittenToday(List<StoredEvent> rows) {
        return readEntries(writtenToday(rows));
    }

    /** The first {@code stored} rows as stored, the rest as today's code writes them: one stream of both revisions. */
    public static List<DomainEventMessage<?>> readMixed(List<StoredEvent> rows, int stored) {
        List<DomainEventData<?>> entries = new ArrayList<>();
        rows.subList(0, stored).forEach(row -> entries.add(row.asEntry()));
        entries.addAll(writtenToday(rows.subList(stored, rows.size())));
        return readEntries(entries);
    }

    /** Today's stored form of each row: the event read as stored, serialized again; identifiers and times kept. */
    public static List<DomainEventData<byte[]>> writtenToday(List<StoredEvent> rows) {
        List<DomainEventMessage<?>> read = readAsStored(rows);
        List<DomainEventData<byte[]>> today = new ArrayList<>();
        for (int index = 0; index < rows.size(); index++) {
            StoredEvent row = rows.get(index);
            SerializedObject<byte[]> payload = EVENT_SERIALIZER.serialize(read.get(index).getPayload(), byte[].class);
            SerializedObject<byte[]> metaData = EVENT_SERIALIZER.serialize(read.get(index).getMetaData(), byte[].class);
            today.add(new GenericDomainEventEntry<>(row.type(), row.aggregateIdentifier(), row.sequenceNumber(),
                    row.eventIdentifier(), row.timeStamp(), payload.getType().getName(), payload.getType().getRevision(),
                    payload.getData(), metaData.getData()));
        }
        return today;
    }

    /** The events concerning one order, whatever aggregate recorded them, in the order of the store. */
    public List<StoredEvent> eventsConcerningOrder(String orderId) {
        List<StoredEvent> rows = events();
        List<DomainEventMessage<?>> read = readAsStored(rows);
        List<StoredEvent> concerning = new ArrayList<>();
        for (int index = 0; index < rows.size(); index++) {
            if (read.get(index).getPayload() instanceof ConcernsOrder event && event.orderId().value().equals(orderId)) {
                concerning.add(rows.get(index));
            }
        }
        return concerning;
    }

    /**
     * The aggregate {@code type} as a repository loads it from {@code history} (timestamps and all), with
     * {@code resources} for the parameters of its handlers.
     */
    public static <T> T aggregateAfter(Class<T> type, List<DomainEventMessage<?>> history, Object... resources) {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        try {
            store.publish(history);
            EventSourcingRepository<T> repository = EventSourcingRepository.builder(type)
                    .eventStore(store)
                    .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                            ClasspathParameterResolverFactory.forClass(type),
                            new SimpleResourceParameterResolverFactory(List.of(resources))))
                    .build();
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                return repository.load(history.get(0).getAggregateIdentifier()).invoke(java.util.function.Function.identity());
            } finally {
                unitOfWork.rollback();
            }
        } finally {
            store.shutDown();
        }
    }

    /** A stored payload or serialized state as a JSON tree, numbers kept exact (34.90 is not 34.9). */
    public static JsonNode tree(byte[] json) {
        try {
            return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false).readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<DomainEventMessage<?>> readEntries(List<? extends DomainEventData<?>> entries) {
        DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(entries.stream(), EVENT_SERIALIZER,
                Upcasters.chain());
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        stream.forEachRemaining(messages::add);
        return messages;
    }

    private static <T> List<T> filter(List<T> rows, Predicate<T> condition) {
        return rows.stream().filter(condition).toList();
    }

    private <T> T read(String file, TypeReference<T> type) {
        String path = "/stored-forms/" + generation + "/" + file;
        try (InputStream in = StoredForms.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + path);
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
