package io.orderflow.projections.rebuild;

import io.orderflow.platform.axon.ProcessorPauses;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.common.ObjectUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event processor that keeps a read model live, seen from a rebuild: how far it got, pausing it with
 * every one of its segments claimed (so that no instance processes while the rebuild compares or
 * switches), moving its tokens, and letting it go again. While paused it is marked as such for readiness:
 * a rebuild does not take the instance out of service.
 */
final class LiveProcessor {

    private static final Duration POLL = Duration.ofMillis(100);

    private final String name;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionTemplate transaction;
    private final ProcessorPauses pauses;

    LiveProcessor(String name, EventProcessingConfiguration processing, TransactionTemplate transaction, ProcessorPauses pauses) {
        this.name = name;
        this.processing = processing;
        this.tokenStore = processing.tokenStore(name);
        this.transaction = transaction;
        this.pauses = pauses;
    }

    /**
     * Waits until every segment this instance processes has handled every event up to {@code position}, so
     * that nothing the rebuild has applied is still missing from the live read model when it pauses.
     */
    void awaitCovering(TrackingToken position, Duration atMost) throws InterruptedException {
        if (position == null) {
            return;
        }
        Instant deadline = Instant.now().plus(atMost);
        while (!covers(position)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The live processor " + name + " did not reach position "
                        + position.position().orElse(-1) + " within " + atMost.toSeconds() + " s.");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private boolean covers(TrackingToken position) {
        return processor().map(processor -> processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getTrackingToken)
                        .allMatch(token -> token != null && WrappedToken.unwrapLowerBound(token).covers(position)))
                .orElse(true);
    }

    /** Stops the processor here and claims all its segments, waiting up to {@code atMost} for other owners to let go. */
    Paused pause(Duration atMost) throws InterruptedException {
        boolean wasRunning = processor().map(StreamingEventProcessor::isRunning).orElse(false);
        pauses.paused(name, "a replay or verification of its read model");
        Map<Segment, TrackingToken> tokens = new LinkedHashMap<>();
        Paused paused = new Paused(wasRunning, tokens);
        try {
            processor().ifPresent(StreamingEventProcessor::shutDown);
            int[] segmentIds = transaction.execute(status -> tokenStore.fetchSegments(name));
            for (int segmentId : Objects.requireNonNull(segmentIds)) {
                tokens.put(Segment.computeSegment(segmentId, segmentIds), claim(segmentId, atMost));
            }
        } catch (RuntimeException | InterruptedException e) {
            paused.resume(true);
            throw e;
        }
        return paused;
    }

    private TrackingToken claim(int segmentId, Duration atMost) throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        while (true) {
            try {
                return transaction.execute(status -> tokenStore.fetchToken(name, segmentId));
            } catch (UnableToClaimTokenException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Segment " + segmentId + " of processor " + name
                            + " is held by another instance; pause the processor there and try again.", e);
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    private java.util.Optional<StreamingEventProcessor> processor() {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    /** The processor, stopped, with all its segments claimed by this instance and their tokens. */
    final class Paused {

        private final boolean wasRunning;
        private final Map<Segment, TrackingToken> tokens;
        private final SequencingPolicy<? super EventMessage<?>> sequencingPolicy = processing.sequencingPolicy(name);

        private Paused(boolean wasRunning, Map<Segment, TrackingToken> tokens) {
            this.wasRunning = wasRunning;
            this.tokens = tokens;
        }

        /** Whether the live read model has handled {@code event}: the token of the event's segment includes it. */
        boolean processed(TrackedEventMessage<?> event) {
            Object sequence = ObjectUtils.getOrDefault(sequencingPolicy.getSequenceIdentifierFor(event), event::getIdentifier);
            int hash = Objects.hashCode(sequence);
            return tokens.entrySet().stream()
                    .filter(segment -> segment.getKey().matches(hash))
                    .anyMatch(segment -> includes(segment.getValue(), event.trackingToken()));
        }

        /** Keeps the claims from timing out while the rebuild works. */
        void extendClaims() {
            transaction.executeWithoutResult(status -> tokens.keySet()
                    .forEach(segment -> tokenStore.extendClaim(name, segment.getSegmentId())));
        }

        /** Sets every segment's token to {@code position}; joins the caller's transaction. */
        void moveTo(TrackingToken position) {
            tokens.keySet().forEach(segment -> tokenStore.storeToken(position, name, segment.getSegmentId()));
        }

        /** Releases the claims and, if it ran before and {@code restart} allows, starts the processor again. */
        void resume(boolean restart) {
            for (Segment segment : tokens.keySet()) {
                try {
                    transaction.executeWithoutResult(status -> tokenStore.releaseClaim(name, segment.getSegmentId()));
                } catch (RuntimeException ignored) {
                    // the claim times out by itself; the processor then claims the segment again
                }
            }
            if (wasRunning && restart) {
                processor().ifPresent(StreamingEventProcessor::start);
            }
            pauses.resumed(name);
        }
    }

    /**
     * Whether {@code processed} (a processor's position) includes the single event at {@code event}. For
     * the JDBC store that is: at or below its index and not one of its gaps. {@code covers} would also
     * demand that the event's view of earlier gaps agrees, which says nothing about this one event.
     */
    static boolean includes(TrackingToken processed, TrackingToken event) {
        if (processed == null) {
            return false;
        }
        TrackingToken position = WrappedToken.unwrapLowerBound(processed);
        TrackingToken single = WrappedToken.unwrapLowerBound(event);
        if (position instanceof GapAwareTrackingToken gapAware && single instanceof GapAwareTrackingToken at) {
            return at.getIndex() <= gapAware.getIndex() && !gapAware.getGaps().contains(at.getIndex());
        }
        return position.covers(single);
    }
}
