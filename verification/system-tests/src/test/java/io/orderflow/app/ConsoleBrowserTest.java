package io.orderflow.app;

import static io.orderflow.app.Browser.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The web console in a real headless browser against the whole system (embedded PostgreSQL and Kafka, the
 * saga, the payment service): a shopper's journey, an operator's, and how failures are shown. Every page
 * visited is checked for labelled fields and a 360 px layout and kept as a screenshot; no test may leave an
 * error in the browser's log. The payment service declines some charges at random, so a shopper's order ends
 * confirmed or cancelled with its reason; what needs a confirmed order (cancelling, shipping) gets one by placing
 * orders until one is confirmed.
 */
@OrderflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    static final String PASSWORD = "a long enough password";

    /**
     * Lets the first request to place an order reach the server, then loses its answer on the way back, as a dropped
     * connection would; records each such request's {@code Idempotency-Key} and the order it answered.
     */
    private static final String LOSE_THE_FIRST_ANSWER_TO_PLACING = """
            const send = window.fetch;
            window.orderflowPlacings = [];
            window.fetch = async (resource, options = {}) => {
                const response = await send(resource, options);
                if (resource === '/api/orders' && options.method === 'POST') {
                    const placed = await response.clone().json();
                    window.orderflowPlacings.push({key: options.headers['Idempotency-Key'], orderId: placed.orderId});
                    if (window.orderflowPlacings.length === 1) {
                        throw new TypeError('Failed to fetch');
                    }
                }
                return response;
            };
            """;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    Api api;
    Browser browser;

    @BeforeAll
    void startTheBrowser() {
        api = new Api(port);
        browser = Browser.start("http://localhost:" + port);
    }

    @AfterAll
    void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.open("#/");
        browser.script("sessionStorage.clear();");
        browser.consoleErrors();
    }

    @AfterEach
    void leftNoErrorInTheBrowserLog() {
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aShopperRegistersSignsInAndOrdersOnceWithADoubleClickSeeingTheOutcomeLive() {
        String name = "Console kettle " + shortId();
        String product = api.addProduct(name, "30.00", 50);
        String email = "shopper-" + UUID.randomUUID() + "@orderflow.test";

        browser.open("#/register");
        browser.type("f-name", "Grace Hopper");
        browser.type("f-email", email);
        browser.type("f-password", "short");
        browser.clickButton("Register");
        assertThat(browser.waitForText(By.cssSelector("main .problem"), "password")).contains("The request has invalid fields.");
        browser.checkPage("register");
        assertThat(browser.consoleErrors()).as("the refused request").singleElement().asString().contains("400");
        browser.type("f-password", PASSWORD);
        browser.clickButton("Register");
        browser.waitForText(By.id("nav"), email);

        browser.clickButton("Sign out");
        browser.waitForHeading("Sign in");
        browser.checkPage("sign-in");
        signInByKeyboard(email);
        browser.waitForText(By.id("nav"), email);

        By stock = By.cssSelector("section[aria-labelledby='p-" + product + "'] .stock");
        browser.open("#/");
        browser.waitForText(stock, "50 in stock");
        browser.markDocument();
        api.http.post().uri("/api/admin/products/{id}/restock", product).bodyValue(Map.of("quantity", 5))
                .exchange().expectStatus().isAccepted();
        browser.waitForText(stock, "55 in stock");
        addTwoToTheCart(product);
        browser.checkPage("catalogue");

        browser.click(link("Cart (2)"));
        browser.waitForHeading("Cart");
        shipTo("Grace Hopper", "1 Compiler Way", "Arlington", "22201", "US");
        browser.checkPage("cart");
        new Actions(browser.driver).doubleClick(browser.waitFor(By.id("place-order"))).perform();

        String outcome = browser.waitForText(By.id("order-status"), text -> text.contains("Confirmed") || text.contains("Cancelled"));
        if (outcome.contains("Cancelled")) {
            assertThat(outcome).containsAnyOf("Payment declined", "Payment timed out");
        }
        assertThat(browser.wasNotReloaded()).as("the outcome arrived without a reload").isTrue();
        browser.checkPage("order");
        String customer = browser.signedInCustomerId();
        assertThat(api.get("/api/orders?customerId=" + customer).get("total").asInt()).as("orders placed").isEqualTo(1);

        browser.click(link("My orders"));
        browser.waitForText(By.id("orders-total"), "1 order");
        browser.checkPage("my-orders");
        browser.click(By.cssSelector("input[name=status][value=PENDING]"));
        browser.clickButton("Filter");
        browser.waitForText(By.id("orders-total"), "0 orders");

        // cancelling, on an order of hers known to be confirmed: the payment service settled the one above at random
        String token = api.token(email, PASSWORD);
        String confirmed = aConfirmedOrder(() -> placeAs(token, product));
        browser.open("#/orders/" + confirmed);
        browser.waitForText(By.id("order-status"), "Confirmed");
        browser.clickButton("Cancel order");
        assertThat(browser.waitForText(By.id("order-status"), "Cancelled")).contains("Cancelled by the customer");
        assertThat(api.get("/api/orders/" + confirmed).get("cancellationReason").asString()).isEqualTo("CUSTOMER_REQUEST");
    }

    /**
     * Only the keyboard: to a product's quantity and its button, to the cart, through the address to Place order.
     * The first answer to placing is lost on the way back (the order was placed, the page hears of no answer); placing
     * again sends the same {@code Idempotency-Key}, which answers the same order: one order, not two.
     */
    @Test
    void aShopperOrdersByKeyboardAloneAndAnAnswerLostOnTheWayStillPlacesOneOrder() {
        String product = api.addProduct("Console teapot " + shortId(), "22.00", 40);
        String email = aRegisteredCustomer();
        browser.open("#/sign-in");
        signInByKeyboard(email);
        browser.waitForHeading("Catalogue");
        String customer = browser.signedInCustomerId();

        browser.tabTo(By.id("q-" + product));
        new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("3").perform();
        browser.press(Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Add to cart");
        browser.press(Keys.ENTER);
        browser.waitForText(By.id("nav"), "Cart (3)");
        browser.tabTo(link("Cart (3)"));
        browser.press(Keys.ENTER);
        browser.waitForHeading("Cart");
        browser.tabTo(By.id("f-name"));
        browser.press("Ada Lovelace", Keys.TAB, "12 Analytical Street", Keys.TAB, "London", Keys.TAB, "N1 9GU", Keys.TAB,
                "GB", Keys.TAB);
        assertThat(browser.focused()).isEqualTo("place-order");

        browser.script(LOSE_THE_FIRST_ANSWER_TO_PLACING);
        browser.press(Keys.ENTER);
        browser.waitForText(By.cssSelector("main .problem"), "The server cannot be reached");
        assertThat(browser.heading().getText()).as("the page after the lost answer").isEqualTo("Cart");
        browser.tabTo(By.id("place-order"));
        browser.press(Keys.ENTER);
        browser.waitForText(By.id("order-status"), "Status");

        @SuppressWarnings("unchecked")
        List<Map<String, String>> placings = (List<Map<String, String>>) browser.script("return window.orderflowPlacings;");
        assertThat(placings).as("the two requests to place the order").hasSize(2);
        assertThat(placings.get(0).get("key")).isNotBlank().isEqualTo(placings.get(1).get("key"));
        String orderId = placings.get(0).get("orderId");
        assertThat(placings.get(1).get("orderId")).as("the order the second request answered").isEqualTo(orderId);
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/orders/" + orderId);
        assertThat(api.get("/api/orders?customerId=" + customer).get("total").asInt()).as("orders placed").isEqualTo(1);
        assertThat(api.get("/api/orders/" + orderId).get("lines").get(0).get("quantity").asInt()).isEqualTo(3);

        browser.tabTo(link("My orders"));
        browser.press(Keys.ENTER);
        browser.waitForText(By.id("orders-total"), "1 order");
    }

    @Test
    void anOperatorSeesAnOrderArriveOnTheBoardShipsAndDeliversItAndOperatesTheReadModels() {
        String name = "Console grinder " + shortId();
        String product = api.addProduct(name, "80.00", 100);
        signIn(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        browser.click(link("Board"));
        browser.waitFor(By.cssSelector("[data-count=total]"));

        String customer = api.aCustomer();
        String orderId = aConfirmedOrder(() -> api.placeOrder(customer, Map.of(product, 1)));
        browser.waitForText(By.cssSelector("tr[data-order='" + orderId + "']"), "Confirmed");
        browser.checkPage("board");

        browser.click(By.cssSelector("tr[data-order='" + orderId + "'] a"));
        browser.waitForText(By.cssSelector("ol.timeline"), "OrderConfirmed");
        assertThat(browser.waitFor(By.cssSelector("ol.timeline code.trace")).getText()).matches("[0-9a-f]{32}");
        browser.checkPage("order-detail");
        browser.clickButton("Ship");
        browser.waitForText(By.id("order-status"), "Shipped");
        browser.clickButton("Deliver");
        browser.waitForText(By.id("order-status"), "Delivered");
        assertThat(api.get("/api/orders/" + orderId).get("status").asString()).isEqualTo("DELIVERED");

        browser.click(link("Read models"));
        List<String> readModels = api.get("/api/admin/projections").valueStream().map(model -> model.get("name").asString()).toList();
        assertThat(readModels).contains("order-details", "product-catalogue");
        for (String readModel : readModels) {
            assertThat(browser.waitFor(readModel(readModel, ".lag")).getText()).as("the lag of %s", readModel).matches("\\d+");
        }
        browser.clickButton("Replay order-details");
        WebElement replay = browser.waitFor(readModel("order-details", ".rebuild[data-state=COMPLETED]"));
        assertThat(replay.findElement(By.className("verification")).getText()).matches("Compared [1-9]\\d* rows: 0 differences");
        browser.clickButton("Verify product-catalogue");
        WebElement verification = browser.waitFor(readModel("product-catalogue", ".rebuild[data-state=COMPLETED]"));
        assertThat(verification.getText()).startsWith("Verification: COMPLETED");
        assertShowsItsProgress(verification);
        assertThat(verification.findElement(By.className("verification")).getText()).matches("Compared [1-9]\\d* rows: 0 differences");
        browser.checkPage("read-models");
        retriesAndEvictsDeadLettersFromTheReadModelsPage();

        browser.click(link("Products"));
        String added = "Console scale " + shortId();
        browser.type("p-name", added);
        browser.type("p-price", "15.50");
        browser.type("p-stock", "7");
        browser.clickButton("Add product");
        browser.waitForText(By.cssSelector("main table"), added);
        browser.checkPage("products");
        browser.click(link(name));
        browser.waitForText(By.cssSelector("ol.timeline"), "StockCommitted");
        browser.type("r-quantity", "20");
        browser.clickButton("Restock");
        browser.waitForText(By.cssSelector("#stock td"), "119");
        browser.waitForText(By.cssSelector("ol.timeline"), "ProductRestocked");
        browser.checkPage("product");

        browser.click(link("Health"));
        browser.waitForText(By.id("processors"), "order-details");
        browser.checkPage("health");
    }

    @Test
    void anOutOfStockOrderShowsItsReason() {
        String name = "Console last mug " + shortId();
        String product = api.addProduct(name, "12.00", 1);
        String email = aRegisteredCustomer();
        signIn(email, PASSWORD);

        browser.open("#/");
        addTwoToTheCart(product);
        browser.click(link("Cart (2)"));
        shipTo("Ada Lovelace", "12 Analytical Street", "London", "N1 9GU", "GB");
        browser.clickButton("Place order");

        assertThat(browser.waitForText(By.id("order-status"), "Cancelled")).contains("Out of stock");
        browser.checkPage("order-out-of-stock");
    }

    @Test
    void anExpiredTokenLeadsBackToSignInAndBackToThePageAfterwards() {
        String product = api.addProduct("Console filter papers " + shortId(), "3.00", 1000);
        String email = aRegisteredCustomer();
        String token = api.token(email, PASSWORD);
        for (int order = 0; order < 11; order++) {
            api.awaitOrder(placeAs(token, product), placed -> true);
        }
        Instant past = Instant.now().minusSeconds(3600);
        String expired = TestSigningKey.sign(subjectOf(token), List.of("CUSTOMER"), claims -> claims
                .issueTime(Date.from(past)).notBeforeTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(900))));
        browser.useToken(expired);

        browser.open("#/orders");
        browser.waitForText(By.cssSelector("main [role=alert]"), "Your session has expired");
        browser.waitForHeading("Sign in");
        browser.checkPage("sign-in-expired");
        assertThat(browser.consoleErrors()).as("the refused request, and nothing else")
                .singleElement().asString().contains("/api/orders").contains("401");

        browser.type("f-email", email);
        browser.type("f-password", PASSWORD);
        browser.clickButton("Sign in");
        browser.waitForHeading("My orders");
        browser.waitForText(By.id("orders-total"), "11 orders");
        browser.click(link("Next page"));
        browser.waitForText(By.cssSelector("nav.pager"), "Page 2 of 2");
        assertThat(browser.driver.findElements(By.cssSelector("main tbody tr"))).hasSize(1);
    }

    /**
     * Parks two orders of a poisoned customer in order-details' dead letters ({@link PoisonedOrderDetails}), then on
     * the read-models page: both are listed with their cause, one is evicted, and after the cure a retry projects
     * the other. After the replay above: an evicted order stays out of the live read model until the next replay.
     */
    private void retriesAndEvictsDeadLettersFromTheReadModelsPage() {
        browser.waitFor(By.id("no-dead-letters"));
        PoisonedOrderDetails poison = new PoisonedOrderDetails(api, jdbc);
        try {
            String product = api.addProduct("Console poisoned cup " + shortId(), "4.00", 10);
            String customer = poison.customer();
            String retried = api.placeOrder(customer, Map.of(product, 1));
            String evicted = api.placeOrder(customer, Map.of(product, 1));
            String settledRetried = poison.awaitSettledInTheEventStore(retried);
            poison.awaitParked(retried, settledRetried);
            poison.awaitParked(evicted, poison.awaitSettledInTheEventStore(evicted));

            browser.driver.navigate().refresh();
            By letters = By.cssSelector("main ul.letters");
            String listed = browser.waitForText(letters, text -> text.contains(retried) && text.contains(evicted));
            assertThat(listed).contains("OrderPlaced", "poison order " + retried + " refused", "poison order " + evicted + " refused");
            browser.checkPage("read-models-dead-letters");

            browser.clickButton("Evict sequence " + evicted.substring(0, 8));
            assertThat(browser.waitForText(By.id("notice"), "evicted")).matches("[1-9]\\d* events evicted\\.");
            browser.waitForText(letters, text -> text.contains(retried) && !text.contains(evicted));

            poison.cure();
            browser.clickButton("Retry dead letters of order-details");
            assertThat(browser.waitForText(By.id("notice"), "Retried")).matches("Retried [1-9]\\d*: [1-9]\\d* succeeded, 0 failed\\.");
            browser.waitFor(By.id("no-dead-letters"));
            assertThat(api.get("/api/orders/" + retried).get("status").asString()).isEqualTo(PoisonedOrderDetails.statusAfter(settledRetried));
            api.http.get().uri("/api/orders/{id}", evicted).exchange().expectStatus().isNotFound();
        } finally {
            poison.cure();
        }
    }

    /** A rebuild's card shows how far it got: its counts, and a progress bar that stands at them. */
    private static void assertShowsItsProgress(WebElement rebuild) {
        Matcher counts = Pattern.compile("(\\d+) of (\\d+) events").matcher(rebuild.getText());
        assertThat(counts.find()).as("the counts on %s", rebuild.getText()).isTrue();
        long processed = Long.parseLong(counts.group(1));
        long total = Long.parseLong(counts.group(2));
        assertThat(processed).as("events processed").isPositive();
        assertThat(total).as("events in the store").isPositive();
        WebElement progress = rebuild.findElement(By.tagName("progress"));
        assertThat(Double.parseDouble(progress.getDomProperty("max"))).isEqualTo(total);
        assertThat(Double.parseDouble(progress.getDomProperty("value"))).isEqualTo(Math.min(processed, total));
    }

    private static By readModel(String name, String selector) {
        return By.cssSelector("section[aria-labelledby='m-" + name + "'] " + selector);
    }

    private String placeAs(String token, String product) {
        return api.withToken(token).post().uri("/api/orders").bodyValue(Api.anOrder(subjectOf(token), Map.of(product, 1)))
                .exchange().expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("orderId").asString();
    }

    private void addTwoToTheCart(String product) {
        browser.type("q-" + product, "2");
        browser.click(By.cssSelector("section[aria-labelledby='p-" + product + "'] button"));
        browser.waitForText(By.id("nav"), "Cart (2)");
    }

    private void shipTo(String name, String street, String city, String postalCode, String country) {
        browser.type("f-name", name);
        browser.type("f-line1", street);
        browser.type("f-city", city);
        browser.type("f-postalCode", postalCode);
        browser.type("f-country", country);
    }

    private void signIn(String email, String password) {
        browser.open("#/sign-in");
        browser.type("f-email", email);
        browser.type("f-password", password);
        browser.clickButton("Sign in");
        browser.waitForText(By.id("nav"), email);
    }

    /** Signs in with the keyboard only: a view starts with the focus on its content, Tab leads to the fields. */
    private void signInByKeyboard(String email) {
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("f-email");
        new Actions(browser.driver).sendKeys(email).sendKeys(Keys.TAB).sendKeys(PASSWORD).sendKeys(Keys.ENTER).perform();
    }

    private String aRegisteredCustomer() {
        String email = "customer-" + UUID.randomUUID() + "@orderflow.test";
        api.register(email, PASSWORD, "Ada Lovelace");
        return email;
    }

    /** Places orders until the payment service approves one (it approves 80%). */
    private String aConfirmedOrder(Supplier<String> placeAnOrder) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String orderId = placeAnOrder.get();
            if (api.awaitOrderStatus(orderId, "CONFIRMED", "CANCELLED").get("status").asString().equals("CONFIRMED")) {
                return orderId;
            }
        }
        throw new AssertionError("no order was confirmed in 10 attempts");
    }

    private static String subjectOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
