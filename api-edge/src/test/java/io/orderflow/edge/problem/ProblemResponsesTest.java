package io.orderflow.edge.problem;

import static io.orderflow.edge.EdgeFixtures.aLine;
import static io.orderflow.edge.EdgeFixtures.aNewProduct;
import static io.orderflow.edge.EdgeFixtures.aProduct;
import static io.orderflow.edge.EdgeFixtures.anOrder;
import static io.orderflow.edge.EdgeFixtures.anOrderFor;
import static io.orderflow.edge.EdgeFixtures.anOrderWithLines;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.inventory.ProductView;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.edge.EdgeHttpTest;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.junit.jupiter.api.Nested;
import org.springframework.dao.DataAccessResourceFailureException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Every failure is a problem document with a stable code, and never shows what went wrong inside. */
class ProblemResponsesTest extends EdgeHttpTest {

    @Nested
    class Protocol {

        @Test
        void answersNotFoundForAnUnknownRoute() {
            expectProblem(http.get().uri("/api/nothing-here").exchange(), HttpStatus.NOT_FOUND,
                    ErrorCode.ROUTE_NOT_FOUND)
                    .jsonPath("$.instance").isEqualTo("/api/nothing-here");
        }

        @Test
        void answersNotFoundForAPostToAnUnknownRoute() {
            expectProblem(http.post().uri("/api/nothing-here").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}").exchange(), HttpStatus.NOT_FOUND, ErrorCode.ROUTE_NOT_FOUND);
        }

        @Test
        void answersMethodNotAllowedWithTheAllowedMethods() {
            expectProblem(http.delete().uri("/api/products").exchange(), HttpStatus.METHOD_NOT_ALLOWED,
                    ErrorCode.METHOD_NOT_ALLOWED);
            http.put().uri("/api/orders/{id}", "some-order").exchange()
                    .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                    .expectHeader().valueEquals("Allow", "GET");
        }

        @Test
        void answersUnsupportedMediaTypeForABodyThatIsNotJson() {
            expectProblem(admin.post().uri("/api/admin/products").contentType(MediaType.TEXT_PLAIN)
                    .bodyValue("name=beans").exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE);
            assertThat(backend.commands()).isEmpty();
        }

        @Test
        void answersNotAcceptableToAClientThatOnlyAcceptsXmlWithoutSendingTheCommand() {
            expectProblem(admin.post().uri("/api/admin/products").accept(MediaType.APPLICATION_XML)
                    .bodyValue(aNewProduct()).exchange(), HttpStatus.NOT_ACCEPTABLE, ErrorCode.NOT_ACCEPTABLE);
            expectProblem(http.get().uri("/api/products").accept(MediaType.APPLICATION_XML).exchange(),
                    HttpStatus.NOT_ACCEPTABLE, ErrorCode.NOT_ACCEPTABLE);
            assertThat(backend.commands()).isEmpty();
        }

        @Test
        void answersBadRequestForMalformedJson() {
            expectProblem(http.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"customerId\": \"c-1\", \"lines\": [").exchange(), HttpStatus.BAD_REQUEST,
                    ErrorCode.MALFORMED_REQUEST);
        }

        @Test
        void answersBadRequestForAValueOfTheWrongType() {
            expectProblem(http.post().uri("/api/orders").bodyValue(
                            anOrderWithLines(List.of(aLine("p-1", "a few")))).exchange(),
                    HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST)
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                            .doesNotContain("Integer", "jackson", "Exception"));
        }

        @Test
        void answersBadRequestForAMissingBody() {
            expectProblem(admin.post().uri("/api/admin/products").contentType(MediaType.APPLICATION_JSON).exchange(),
                    HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST);
        }

        @Test
        void answersPayloadTooLargeForAHugeBody() {
            String huge = "{\"name\": \"" + "x".repeat(400 * 1024) + "\"}";
            expectProblem(admin.post().uri("/api/admin/products").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(huge).exchange(), HttpStatus.CONTENT_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE)
                    .jsonPath("$.detail").isEqualTo("The request body is too large.");
        }
    }

    @Nested
    class BackendFailures {

        @Test
        void mapsACommandExecutionExceptionCarryingAnErrorCodeNameToThatCode() {
            OrderView order = anOrder(OrderStatus.SHIPPED);
            backend.has(order);
            backend.failsNextCommandsWith(
                    new CommandExecutionException("Order was shipped already.", null, "ORDER_ALREADY_SHIPPED"));

            expectProblem(admin.post().uri("/api/admin/orders/{id}/ship", order.orderId()).exchange(),
                    HttpStatus.CONFLICT, ErrorCode.ORDER_ALREADY_SHIPPED);
        }

        @Test
        void mapsACommandExecutionExceptionCarryingAnErrorCodeToThatCode() {
            ProductView product = aProduct();
            backend.has(product);
            backend.failsNextCommandsWith(
                    new CommandExecutionException("Not in this currency.", null, ErrorCode.CURRENCY_MISMATCH));

            expectProblem(http.post().uri("/api/orders").bodyValue(anOrderFor(product)).exchange(),
                    HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.CURRENCY_MISMATCH);
        }

        @Test
        void treatsACommandExecutionExceptionWithoutAKnownCodeAsInternal() {
            OrderView order = anOrder(OrderStatus.CONFIRMED);
            backend.has(order);
            backend.failsNextCommandsWith(new CommandExecutionException("remote NPE at line 42", null, "no-code"));

            expectProblem(admin.post().uri("/api/admin/orders/{id}/ship", order.orderId()).exchange(),
                    HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR)
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain("NPE"));
        }

        @Test
        void answersServiceUnavailableWhenNoCommandHandlerIsThere() {
            OrderView order = anOrder(OrderStatus.CONFIRMED);
            backend.has(order);
            backend.failsNextCommandsWith(new NoHandlerForCommandException("No node known to accept ShipOrderCommand"));

            expectProblem(admin.post().uri("/api/admin/orders/{id}/ship", order.orderId()).exchange(),
                    HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE);
        }

        @Test
        void answersServiceUnavailableWhenNoQueryHandlerIsThere() {
            backend.failsNextQueriesWith(new NoHandlerForQueryException("No handler for FindAllProductsQuery"));

            expectProblem(http.get().uri("/api/products").exchange(), HttpStatus.SERVICE_UNAVAILABLE,
                    ErrorCode.SERVICE_UNAVAILABLE);
        }

        @Test
        void answersServiceUnavailableWhenTheDatabaseIsDown() {
            backend.failsNextQueriesWith(new DataAccessResourceFailureException("Connection refused: db:5432"));

            String body = new String(expectProblem(http.get().uri("/api/orders/{id}", "o-1").exchange(),
                    HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE)
                    .returnResult().getResponseBodyContent());

            assertThat(body).doesNotContain("5432", "refused");
        }

        @Test
        void answersInternalErrorWithoutTheExceptionsText() {
            OrderView order = anOrder(OrderStatus.CONFIRMED);
            backend.has(order);
            backend.failsNextCommandsWith(new IllegalStateException("jdbc:postgresql://db password=s3cr3t"));

            String body = new String(expectProblem(
                    admin.post().uri("/api/admin/orders/{id}/ship", order.orderId()).exchange(),
                    HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR)
                    .returnResult().getResponseBodyContent());

            assertThat(body).doesNotContain("s3cr3t", "postgresql", "IllegalStateException", "at io.orderflow");
        }

        @Test
        void answersInternalErrorForAQueryThatFails() {
            backend.failsNextQueriesWith(new IllegalArgumentException("column \"secret\" does not exist"));

            String body = new String(expectProblem(http.get().uri("/api/orders/{id}", "o-1").exchange(),
                    HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR)
                    .returnResult().getResponseBodyContent());

            assertThat(body).doesNotContain("secret", "IllegalArgumentException");
        }

        @Test
        void answersAProblemDocumentForAFailureOutsideTheControllers() {
            String body = new String(expectProblem(http.get().uri("/test/failing-filter").exchange(),
                    HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR)
                    .returnResult().getResponseBodyContent());

            assertThat(body).doesNotContain("s3cr3t", "IllegalStateException");
        }
    }
}
