package io.orderflow.edge.web;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;

/**
 * What is not the API: requests to the management server (metrics, Prometheus, detailed health on a port of its
 * own, on loopback unless configured otherwise: decisions/0011), and the probes an orchestrator asks on the API
 * port. The edge's filters see both, as the management server's handler inherits them.
 */
public final class ManagementServer {

    /** Liveness and readiness on the API port ({@code management.endpoint.health.probes.add-additional-paths}). */
    public static final String[] PROBES = {"/livez", "/readyz"};
    private static final String NAMESPACE = "management";

    private ManagementServer() {
    }

    /** Whether the request arrived at the management server rather than the API's. */
    public static boolean handles(ServerWebExchange exchange) {
        return WebServerApplicationContext.hasServerNamespace(exchange.getApplicationContext(), NAMESPACE);
    }

    /** Whether the request is a liveness or readiness probe on the API port. */
    public static boolean isProbe(ServerWebExchange exchange) {
        if (exchange.getRequest().getMethod() != HttpMethod.GET) {
            return false;
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        for (String probe : PROBES) {
            if (probe.equals(path)) {
                return true;
            }
        }
        return false;
    }
}
