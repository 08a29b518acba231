package io.orderflow.platform.axon;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * The name this instance claims processor segments and deadlines under ({@code orderflow.axon.node-id}).
 * The default adds a random suffix to Axon's own default (process id and host): two instances must never
 * share a name, or each would take the other's claims for its own; two application contexts in one JVM
 * (as the tests run them) would otherwise have the same one.
 */
public record NodeId(String value) {

    public NodeId {
        if (value == null || value.isBlank() || value.length() > 255) {
            throw new IllegalArgumentException("orderflow.axon.node-id must be 1 to 255 characters");
        }
    }

    static NodeId of(String configured) {
        if (configured != null && !configured.isBlank()) {
            return new NodeId(configured.strip());
        }
        String processAndHost = ManagementFactory.getRuntimeMXBean().getName();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = processAndHost.length() > 200 ? processAndHost.substring(0, 200) : processAndHost;
        return new NodeId(name + "/" + suffix);
    }
}
