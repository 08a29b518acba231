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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The web console in a real headless browser against the whole system (embedded PostgreSQL and Kafka, the
 * saga, the payment service): a shopper's journey, an operator's, and how failures are shown. Every page
 * visited is checked for labelled fields and a 360 px layout and kept as a screenshot; no test may leave an
 * error in the browser's log. The payment service declines some charges at random, so a shopper's order ends
 * confirmed or cancelled with its reason, and the operator works on an order that was confirmed.
 */
@OrderflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    static final String PASSWORD = "a long enough password";

    @LocalServerPort int port;
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
        if (outcome.contains("Confirmed")) {
            browser.clickButton("Cancel order");
            assertThat(browser.waitForText(By.id("order-status"), "Cancelled")).contains("Cancelled by the customer");
        }

        browser.click(link("My orders"));
        browser.waitForText(By.id("orders-total"), "1 order");
        browser.checkPage("my-orders");
        browser.click(By.cssSelector("input[name=status][value=PENDING]"));
        browser.clickButton("Filter");
        browser.waitForText(By.id("orders-total"), "0 orders");
    }

    @Test
    void anOperatorSeesAnOrderArriveOnTheBoardOpensItsTimelineShipsItAndReplaysOrderDetails() {
        String name = "Console grinder " + shortId();
        String product = api.addProduct(name, "80.00", 100);
        signIn(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        browser.click(link("Board"));
        browser.waitFor(By.cssSelector("[data-count=total]"));

        String orderId = aConfirmedOrder(product);
        browser.waitForText(By.cssSelector("tr[data-order='" + orderId + "']"), "Confirmed");
        browser.checkPage("board");

        browser.click(By.cssSelector("tr[data-order='" + orderId + "'] a"));
        browser.waitForText(By.cssSelector("ol.timeline"), "OrderConfirmed");
        assertThat(browser.waitFor(By.cssSelector("ol.timeline code.trace")).getText()).matches("[0-9a-f]{32}");
        browser.checkPage("order-detail");
        browser.clickButton("Ship");
        browser.waitForText(By.id("order-status"), "Shipped");

        browser.click(link("Read models"));
        browser.waitForText(By.cssSelector("main"), "order-details");
        browser.clickButton("Replay order-details");
        browser.waitFor(By.cssSelector(".rebuild[data-state=COMPLETED]"));
        assertThat(browser.waitFor(By.cssSelector(".rebuild .verification")).getText()).contains("0 differences");
        browser.waitFor(By.id("no-dead-letters"));
        browser.clickButton("Retry dead letters of order-details");
        browser.waitForText(By.id("notice"), "Retried 0");
        browser.checkPage("read-models");

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
            String orderId = api.withToken(token).post().uri("/api/orders").bodyValue(Api.anOrder(subjectOf(token), Map.of(product, 1)))
                    .exchange().expectStatus().isAccepted()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().get("orderId").asString();
            api.awaitOrder(orderId, placed -> true);
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

    /** Places orders as a new customer until the payment service approves one (it approves 80%). */
    private String aConfirmedOrder(String product) {
        String customer = api.aCustomer();
        for (int attempt = 0; attempt < 10; attempt++) {
            String orderId = api.placeOrder(customer, Map.of(product, 1));
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
