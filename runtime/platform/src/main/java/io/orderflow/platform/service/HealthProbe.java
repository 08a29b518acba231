package io.orderflow.platform.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container health check of a service image, which has neither a shell nor curl:
 * {@code java -cp '/app/libs/*' io.orderflow.platform.service.HealthProbe http://localhost:8081/readyz}
 * exits 0 when the URL answers 2xx, 1 otherwise.
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static void main(String[] args) {
        System.exit(healthy(URI.create(args[0])) ? 0 : 1);
    }

    static boolean healthy(URI uri) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(4)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
