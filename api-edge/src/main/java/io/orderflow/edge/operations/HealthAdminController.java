package io.orderflow.edge.operations;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.edge.problem.ApiProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every health component with its details, for the console's administrators: what the management port shows at
 * {@code /actuator/health}, which listens on loopback only (decisions/0011) and is out of a browser's reach.
 * Answers {@code 200} whatever the status (the body says it); the probes ({@code /livez}, {@code /readyz}) are
 * what an orchestrator acts on.
 */
@RestController
class HealthAdminController {

    private final ObjectProvider<HealthEndpoint> health;

    HealthAdminController(ObjectProvider<HealthEndpoint> health) {
        this.health = health;
    }

    @GetMapping(path = "/api/admin/health", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<HealthDescriptor> health() {
        HealthEndpoint endpoint = health.getIfAvailable();
        if (endpoint == null) {
            return Mono.error(ApiProblem.of(ErrorCode.ROUTE_NOT_FOUND, "This application reports no health"));
        }
        // contributors such as the database's check block: off the event loop
        return Mono.fromCallable(endpoint::health).subscribeOn(Schedulers.boundedElastic());
    }
}
