package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile and careless clients against the running application: every case answers its 4xx problem
 * document with its stable code, never a 5xx and never internals, and none of them leaves an event behind.
 * The callers are a customer and an administrator of this suite only, so "no event" is counted by caller
 * ({@code who} in the events' metadata) while the rest of the shared application keeps running.
 */
@OrderflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder passwords;

    Api api;
    EventStore events;
    Callers callers;

    /** Who sends a case and what exists: a customer, an administrator, a product and an order. */
    record Callers(WebTestClient customer, String customerId, WebTestClient admin, String adminId,
            WebTestClient anonymous, String product, String order) {
    }

    record Case(String name, Function<Callers, WebTestClient.ResponseSpec> request, int status, String code) {

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void callersOfThisSuiteOnly() {
        api = new Api(port);
        events = new EventStore(jdbc);
        String customerId = api.aCustomer();
        String adminId = anAdministratorOfThisSuite();
        String product = api.addProduct("Hostile-suite beans", "10.00", 100);
        String order = api.placeOrder(api.aCustomer(), Map.of(product, 1));
        api.awaitOrder(order, o -> true);
        callers = new Callers(api.as(customerId), customerId,
                api.withToken(api.token("suite-admin-" + adminId + "@orderflow.test", "suite admin password")), adminId,
                api.anonymous, product, order);
        assertThat(events.countCausedBy(customerId) + events.countCausedBy(adminId)).isZero();
    }

    /** Registration only makes customers; the suite's own administrator goes straight into the accounts table. */
    private String anAdministratorOfThisSuite() {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO auth.account (account_id, email, name, password_hash, roles) VALUES (?, ?, ?, ?, ?::text[])",
                id, "suite-admin-" + id + "@orderflow.test", "Suite admin", passwords.encode("suite admin password"), "{ADMIN}");
        return id.toString();
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        // malformed JSON
        cases.add(order("truncated JSON", raw("{\"lines\": ["), 400, "MALFORMED_REQUEST"));
        cases.add(order("not JSON at all", raw("lines=1&product=2"), 400, "MALFORMED_REQUEST"));
        cases.add(order("empty body", raw(""), 400, "MALFORMED_REQUEST"));
        cases.add(order("JSON null", raw("null"), 400, "MALFORMED_REQUEST"));
        cases.add(order("a JSON array instead of an object", raw("[]"), 400, "MALFORMED_REQUEST"));
        cases.add(order("a JSON string instead of an object", raw("\"order\""), 400, "MALFORMED_REQUEST"));
        cases.add(order("trailing garbage", c -> json(valid(c)) + "}}}", 400, "MALFORMED_REQUEST"));
        cases.add(order("10,000 nested arrays", raw("{\"lines\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"), 400, "MALFORMED_REQUEST"));
        cases.add(new Case("invalid UTF-8", c -> c.customer().post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new byte[] {'{', '"', 'l', 'i', 'n', 'e', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})
                .exchange(), 400, "MALFORMED_REQUEST"));
        // wrong types
        cases.add(order("lines is a string", with("lines", "many"), 400, "MALFORMED_REQUEST"));
        cases.add(order("lines is an object", with("lines", Map.of("productId", "p")), 400, "MALFORMED_REQUEST"));
        cases.add(order("quantity is a word", line(l -> put(l, "quantity", "two")), 400, "MALFORMED_REQUEST"));
        cases.add(order("quantity is a fraction", line(l -> put(l, "quantity", new BigDecimal("1.5"))), 400, "MALFORMED_REQUEST"));
        cases.add(order("quantity is an object", line(l -> put(l, "quantity", Map.of("value", 1))), 400, "MALFORMED_REQUEST"));
        cases.add(order("quantity beyond a 32-bit integer", line(l -> put(l, "quantity", 99_999_999_999L)), 400, "MALFORMED_REQUEST"));
        cases.add(order("address is a string", with("shippingAddress", "12 Analytical Street"), 400, "MALFORMED_REQUEST"));
        // missing fields
        cases.add(order("no lines", without("lines"), 400, "VALIDATION_FAILED"));
        cases.add(order("no shipping address", without("shippingAddress"), 400, "VALIDATION_FAILED"));
        cases.add(order("an empty object", raw("{}"), 400, "VALIDATION_FAILED"));
        cases.add(order("a line without quantity", line(l -> remove(l, "quantity")), 400, "VALIDATION_FAILED"));
        cases.add(order("a line without product", line(l -> remove(l, "productId")), 400, "VALIDATION_FAILED"));
        cases.add(order("a null line", with("lines", nullList()), 400, "VALIDATION_FAILED"));
        cases.add(order("an address without city", address(a -> remove(a, "city")), 400, "VALIDATION_FAILED"));
        // bounds
        cases.add(order("zero quantity", line(l -> put(l, "quantity", 0)), 400, "VALIDATION_FAILED"));
        cases.add(order("negative quantity", line(l -> put(l, "quantity", -3)), 400, "VALIDATION_FAILED"));
        cases.add(order("quantity 10,001", line(l -> put(l, "quantity", 10_001)), 400, "VALIDATION_FAILED"));
        cases.add(order("huge quantity", line(l -> put(l, "quantity", Integer.MAX_VALUE)), 400, "VALIDATION_FAILED"));
        cases.add(order("no lines at all", with("lines", List.of()), 400, "VALIDATION_FAILED"));
        cases.add(order("101 lines", c -> json(put(valid(c), "lines", IntStream.range(0, 101)
                .mapToObj(i -> Map.of("productId", "product-" + i, "quantity", 1)).toList())), 400, "VALIDATION_FAILED"));
        cases.add(order("a 10,000-character city", address(a -> put(a, "city", "x".repeat(10_000))), 400, "VALIDATION_FAILED"));
        cases.add(order("a 101-character product id", line(l -> put(l, "productId", "p".repeat(101))), 400, "VALIDATION_FAILED"));
        cases.add(order("a blank product id", line(l -> put(l, "productId", "   ")), 400, "VALIDATION_FAILED"));
        cases.add(order("a 21-character postal code", address(a -> put(a, "postalCode", "1".repeat(21))), 400, "VALIDATION_FAILED"));
        cases.add(order("a country that is no ISO code", address(a -> put(a, "country", "Narnia")), 400, "VALIDATION_FAILED"));
        cases.add(order("a lower-case country", address(a -> put(a, "country", "gb")), 400, "VALIDATION_FAILED"));
        cases.add(order("a blank customer id", with("customerId", ""), 400, "VALIDATION_FAILED"));
        // control characters
        cases.add(order("a NUL byte in the name", address(a -> put(a, "name", "Ada\u0000Lovelace")), 400, "VALIDATION_FAILED"));
        cases.add(order("a NUL byte in a product id", line(l -> put(l, "productId", "p\u0000")), 400, "VALIDATION_FAILED"));
        cases.add(order("an escape sequence in the city", address(a -> put(a, "city", "\u001b[31mLondon")), 400, "VALIDATION_FAILED"));
        cases.add(order("a line break in the street", address(a -> put(a, "line1", "12 Analytical Street\r\nX-Injected: 1")), 400, "VALIDATION_FAILED"));
        // refused by the catalogue or the rules
        cases.add(order("an unknown product", line(l -> put(l, "productId", UUID.randomUUID().toString())), 422, "UNKNOWN_PRODUCT"));
        cases.add(order("one product in two lines", c -> json(put(valid(c), "lines", List.of(
                Map.of("productId", c.product(), "quantity", 1), Map.of("productId", c.product(), "quantity", 2)))), 400,
                "DUPLICATE_PRODUCT_IN_ORDER"));
        cases.add(order("another customer's id in the body", with("customerId", "someone-else"), 403, "CUSTOMER_MISMATCH"));
        cases.add(new Case("an Idempotency-Key of 300 characters", c -> c.customer().post().uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "k".repeat(300))
                .bodyValue(json(valid(c))).exchange(), 400, "VALIDATION_FAILED"));
        // protocol
        cases.add(new Case("wrong content type", c -> c.customer().post().uri("/api/orders")
                .contentType(MediaType.TEXT_PLAIN).bodyValue(json(valid(c))).exchange(), 415, "UNSUPPORTED_MEDIA_TYPE"));
        cases.add(new Case("XML instead of JSON", c -> c.customer().post().uri("/api/orders")
                .contentType(MediaType.APPLICATION_XML).bodyValue("<order/>").exchange(), 415, "UNSUPPORTED_MEDIA_TYPE"));
        cases.add(new Case("asks for XML only", c -> c.customer().post().uri("/api/orders").accept(MediaType.APPLICATION_XML)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json(valid(c))).exchange(), 406, "NOT_ACCEPTABLE"));
        cases.add(new Case("a 300 KB body", c -> c.customer().post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(address(a -> put(a, "line2", "x".repeat(300 * 1024))).apply(c))).exchange(), 413,
                "PAYLOAD_TOO_LARGE"));
        cases.add(new Case("PUT on the order collection", c -> c.customer().put().uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json(valid(c))).exchange(), 405,
                "METHOD_NOT_ALLOWED"));
        cases.add(new Case("DELETE an order", c -> c.customer().delete().uri("/api/orders/{id}", c.order()).exchange(), 405,
                "METHOD_NOT_ALLOWED"));
        cases.add(new Case("an unknown route", c -> c.customer().get().uri("/api/wp-admin/setup.php").exchange(), 404,
                "ROUTE_NOT_FOUND"));
        cases.add(new Case("SQL in an order id", c -> c.customer().get().uri("/api/orders/{id}", "' OR '1'='1").exchange(), 404,
                "ORDER_NOT_FOUND"));
        cases.add(new Case("cancel an unknown order", c -> c.customer().post().uri("/api/orders/{id}/cancel",
                UUID.randomUUID()).exchange(), 404, "ORDER_NOT_FOUND"));
        cases.add(new Case("cancel another customer's order", c -> c.customer().post().uri("/api/orders/{id}/cancel",
                c.order()).exchange(), 404, "ORDER_NOT_FOUND"));
        // who is asking
        cases.add(new Case("no token", c -> c.anonymous().post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(valid(c))).exchange(), 401, "UNAUTHORIZED"));
        cases.add(new Case("a garbage token", c -> c.anonymous().post().uri("/api/orders")
                .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(valid(c))).exchange(), 401, "UNAUTHORIZED"));
        cases.add(new Case("a customer adding a product", c -> c.customer().post().uri("/api/admin/products")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json(aProduct())).exchange(), 403, "FORBIDDEN"));
        // the administrators' catalogue
        cases.add(product("a negative price", p -> put(p, "price", -1), 400, "VALIDATION_FAILED"));
        cases.add(product("a price with a third decimal", p -> put(p, "price", new BigDecimal("1.234")), 400, "INVALID_PRICE"));
        cases.add(product("a currency that does not exist", p -> put(p, "currency", "XYZ"), 400, "UNSUPPORTED_CURRENCY"));
        cases.add(product("negative stock", p -> put(p, "initialStock", -5), 400, "VALIDATION_FAILED"));
        cases.add(product("a NUL byte in the name", p -> put(p, "name", "Beans\u0000"), 400, "VALIDATION_FAILED"));
        cases.add(new Case("restock by a negative amount", c -> c.admin().post().uri("/api/admin/products/{id}/restock", c.product())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"quantity\": -10}").exchange(), 400, "VALIDATION_FAILED"));
        cases.add(new Case("ship an unknown order", c -> c.admin().post().uri("/api/admin/orders/{id}/ship",
                UUID.randomUUID()).exchange(), 404, "ORDER_NOT_FOUND"));
        // accounts
        cases.add(new Case("register with an address that is none", c -> c.anonymous().post().uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "not-an-address", "password", "long enough password", "name", "X")).exchange(),
                400, "VALIDATION_FAILED"));
        cases.add(new Case("register with a short password", c -> c.anonymous().post().uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", UUID.randomUUID() + "@orderflow.test", "password", "short", "name", "X")).exchange(),
                400, "VALIDATION_FAILED"));
        cases.add(new Case("register with a password bcrypt would cut short", c -> c.anonymous().post().uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", UUID.randomUUID() + "@orderflow.test", "password", "ü".repeat(40), "name", "X")).exchange(),
                400, "VALIDATION_FAILED"));
        cases.add(new Case("log in without a password", c -> c.anonymous().post().uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", "admin@orderflow.test")).exchange(),
                400, "VALIDATION_FAILED"));
        cases.add(new Case("log in with a wrong password", c -> c.anonymous().post().uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", Api.ADMIN_EMAIL, "password", "guess")).exchange(),
                401, "INVALID_CREDENTIALS"));
        return cases.stream().map(Arguments::of);
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAProblemDocumentWithItsCode(Case hostile) {
        EntityExchangeResult<byte[]> answer = hostile.request().apply(callers).expectBody().returnResult();

        String body = answer.getResponseBodyContent() == null ? "" : new String(answer.getResponseBodyContent());
        assertThat(answer.getStatus().value()).as("%s: %s", hostile.name(), body).isEqualTo(hostile.status());
        assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body).contains("\"code\":\"" + hostile.code() + "\"", "\"status\":" + hostile.status());
        assertThat(body).doesNotContain("Exception", "at io.", "at org.", "jackson", "SQL", "postgres");
    }

    @Order(2)
    @Test
    void noCaseLeftAnEventAndAValidOrderWouldHave() {
        assertThat(events.countCausedBy(callers.customerId())).as("events caused by the suite's customer").isZero();
        assertThat(events.countCausedBy(callers.adminId())).as("events caused by the suite's administrator").isZero();
        assertThat(events.countOrdersPlacedFor(callers.customerId())).isZero();

        // the same count sees a real order: the assertions above could have failed
        callers.customer().post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(valid(callers))).exchange().expectStatus().isAccepted();
        assertThat(events.countCausedBy(callers.customerId())).isPositive();
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Case order(String name, Function<Callers, String> body, int status, String code) {
        return new Case(name, c -> c.customer().method(HttpMethod.POST).uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body.apply(c)).exchange(), status, code);
    }

    private static Case product(String name, UnaryOperator<Map<String, Object>> change, int status, String code) {
        return new Case("admin: " + name, c -> c.admin().post().uri("/api/admin/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(change.apply(aProduct()))).exchange(), status, code);
    }

    private static Map<String, Object> aProduct() {
        return new LinkedHashMap<>(Map.of("name", "Hostile product", "price", new BigDecimal("5.00"), "currency", "EUR",
                "initialStock", 5));
    }

    private static Function<Callers, String> raw(String body) {
        return c -> body;
    }

    private static Function<Callers, String> with(String field, Object value) {
        return c -> json(put(valid(c), field, value));
    }

    private static Function<Callers, String> without(String field) {
        return c -> json(remove(valid(c), field));
    }

    private static Function<Callers, String> line(UnaryOperator<Map<String, Object>> change) {
        return c -> json(put(valid(c), "lines", List.of(change.apply(new HashMap<>(Map.of("productId", c.product(), "quantity", 1))))));
    }

    private static Function<Callers, String> address(UnaryOperator<Map<String, Object>> change) {
        return c -> json(put(valid(c), "shippingAddress", change.apply(new HashMap<>(Api.address()))));
    }

    private static Map<String, Object> valid(Callers c) {
        return new LinkedHashMap<>(Map.of("lines", List.of(Map.of("productId", c.product(), "quantity", 1)),
                "shippingAddress", Api.address()));
    }

    private static List<Object> nullList() {
        List<Object> lines = new ArrayList<>();
        lines.add(null);
        return lines;
    }

    private static Map<String, Object> put(Map<String, Object> map, String key, Object value) {
        map.put(key, value);
        return map;
    }

    private static Map<String, Object> remove(Map<String, Object> map, String key) {
        map.remove(key);
        return map;
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
