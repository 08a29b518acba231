package io.orderflow.app;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the spans the application exports, the latest {@value #CAPACITY} of them, to be looked up by trace
 * id. Part of the shared test context; bounded so that a whole suite's spans cannot fill the heap.
 */
final class SpanRecorder implements SpanExporter {

    private static final int CAPACITY = 20_000;

    private final ConcurrentLinkedDeque<SpanData> spans = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();

    List<SpanData> ofTrace(String traceId) {
        return spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
        spans.addAll(batch);
        for (int excess = size.addAndGet(batch.size()) - CAPACITY; excess > 0; excess--) {
            if (spans.pollFirst() != null) {
                size.decrementAndGet();
            }
        }
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        SpanRecorder spanRecorder() {
            return new SpanRecorder();
        }
    }
}
