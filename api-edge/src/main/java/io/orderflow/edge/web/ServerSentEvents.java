package io.orderflow.edge.web;

import java.time.Duration;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

/** Building blocks of the edge's live streams: named events, and comment lines that keep a quiet stream open. */
public final class ServerSentEvents {

    private ServerSentEvents() {
    }

    public static ServerSentEvent<Object> event(String name, Object data) {
        return ServerSentEvent.builder(data).event(name).build();
    }

    /**
     * {@code events} with a comment line every {@code heartbeat}, so that proxies keep an idle stream open.
     * Beats start with the first event, so that a stream that fails before it (404) has written nothing yet.
     */
    public static Flux<ServerSentEvent<Object>> withHeartbeat(Flux<ServerSentEvent<Object>> events, Duration heartbeat) {
        return events.publish(shared -> Flux.merge(shared,
                Flux.interval(heartbeat)
                        .skipUntilOther(shared.next())
                        .map(beat -> ServerSentEvent.<Object>builder().comment("keep-alive").build())
                        .takeUntilOther(shared.then())));
    }
}
