package io.orderflow.projections.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.contracts.audit.EventTimelineView;
import io.orderflow.contracts.audit.FindEventTimelineQuery;
import io.orderflow.contracts.audit.RecordedEventView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Answers {@link FindEventTimelineQuery} from the event store. The payload and metadata are serialized
 * with the store's own serializer: an event read from the store hands back the bytes it was stored as,
 * without deserializing them, so the timeline shows what was recorded (numbers stay exact), and an event
 * of an earlier revision as its upcasters make it, with today's revision.
 * Reading the store blocks, so it happens on {@code boundedElastic}.
 */
@Component
class EventTimelineQueries {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final EventStore eventStore;
    private final Serializer eventSerializer;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    EventTimelineQueries(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
    }

    /** Null when the store holds no event of that aggregate, or holds events of another aggregate type under that id. */
    @QueryHandler
    CompletableFuture<EventTimelineView> handle(FindEventTimelineQuery query) {
        return Mono.fromCallable(() -> timeline(query))
                .subscribeOn(Schedulers.boundedElastic())
                .toFuture();
    }

    private EventTimelineView timeline(FindEventTimelineQuery query) throws IOException {
        String aggregateType = query.aggregate().aggregateType();
        DomainEventStream stream = eventStore.readEvents(query.aggregateId(), query.fromSequence());
        List<RecordedEventView> events = new ArrayList<>();
        Long nextSequence = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!aggregateType.equals(event.getType())) {
                return null;
            }
            if (events.size() == query.limit()) {
                nextSequence = event.getSequenceNumber();
                break;
            }
            events.add(toView(event));
        }
        if (events.isEmpty() && (query.fromSequence() == 0 || eventStore.lastSequenceNumberFor(query.aggregateId()).isEmpty())) {
            return null;
        }
        return new EventTimelineView(aggregateType, query.aggregateId(), events, nextSequence);
    }

    private RecordedEventView toView(DomainEventMessage<?> event) throws IOException {
        SerializedObject<byte[]> payload = event.serializePayload(eventSerializer, byte[].class);
        SerializedObject<byte[]> metadata = event.serializeMetaData(eventSerializer, byte[].class);
        String payloadType = payload.getType().getName();
        return new RecordedEventView(
                event.getSequenceNumber(),
                payloadType.substring(payloadType.lastIndexOf('.') + 1),
                payloadType,
                payload.getType().getRevision(),
                event.getIdentifier(),
                event.getTimestamp(),
                json.readValue(payload.getData(), Object.class),
                json.readValue(metadata.getData(), JSON_OBJECT));
    }
}
