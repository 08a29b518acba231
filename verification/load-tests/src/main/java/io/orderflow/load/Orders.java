package io.orderflow.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Body;
import io.gatling.javaapi.core.ChainBuilder;
import java.time.Duration;

/** The requests the simulations share: an order's body, and waiting until a customer's orders have settled. */
final class Orders {

    static final String UNSETTLED = "status=PENDING&status=AWAITING_PAYMENT";

    private Orders() {
    }

    static Body orderOf(String productId) {
        return StringBody("""
                {"lines":[{"productId":"%s","quantity":1}],
                 "shippingAddress":{"name":"Load Tester","line1":"1 Load Street","city":"Berlin","postalCode":"10115","country":"DE"}}"""
                .formatted(productId));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /**
     * Polls, as the administrator, until the read model shows at least {@code placed} orders of the
     * customer and none of them PENDING or AWAITING_PAYMENT, for at most {@code within}; then asks once
     * more, with a check that fails the run if any order is still unsettled. The polls never fail by
     * themselves: they only save what they see.
     */
    static ChainBuilder awaitSettled(String adminToken, String customerId, int placed, Duration within) {
        String all = "/api/orders?size=1&customerId=" + customerId;
        String unsettled = all + "&" + UNSETTLED;
        return exec(session -> session.set("seen", -1).set("unsettled", -1))
                .asLongAsDuring(session -> session.getInt("seen") < placed || session.getInt("unsettled") != 0, within).on(
                        pause(Duration.ofMillis(500)),
                        exec(http("poll: orders seen").get(all).header("Authorization", bearer(adminToken))
                                .check(jsonPath("$.total").ofInt().saveAs("seen"))),
                        exec(http("poll: orders unsettled").get(unsettled).header("Authorization", bearer(adminToken))
                                .check(jsonPath("$.total").ofInt().saveAs("unsettled"))))
                .exec(http("every order settled (CONFIRMED or CANCELLED)").get(unsettled).header("Authorization", bearer(adminToken))
                        .check(jsonPath("$.total").ofInt().is(0)));
    }
}
