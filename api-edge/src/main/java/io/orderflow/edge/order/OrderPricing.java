package io.orderflow.edge.order;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.FindProductsByIdQuery;
import io.orderflow.contracts.inventory.ProductView;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.contracts.order.OrderLineRules;
import io.orderflow.edge.dispatch.Queries;
import io.orderflow.edge.problem.ApiProblem;
import io.orderflow.edge.problem.FieldViolation;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Prices the lines of a new order from the catalogue: each product at most once, every product known,
 * all in one currency (the first and the last are {@link OrderLineRules}, which the Order aggregate applies
 * too); name and unit price are the catalogue's. A product's name and price never change once
 * it is added, so the prices found are kept in memory, and an order of known products is priced without
 * asking the read model; a product not seen yet is looked up.
 */
@Component
class OrderPricing {

    private static final long PRICES_KEPT = 100_000;

    private final Queries queries;
    private final Cache<String, Price> prices = Caffeine.newBuilder().maximumSize(PRICES_KEPT).build();

    OrderPricing(Queries queries) {
        this.queries = queries;
    }

    Mono<List<OrderLine>> price(List<PlaceOrderRequest.Line> lines) {
        return Mono.defer(() -> {
            requireEachProductOnce(lines);
            Set<String> productIds = lines.stream().map(PlaceOrderRequest.Line::productId).collect(Collectors.toCollection(LinkedHashSet::new));
            Map<String, Price> known = new HashMap<>(prices.getAllPresent(productIds));
            if (known.size() == productIds.size()) {
                return Mono.fromCallable(() -> priced(lines, known));
            }
            Set<ProductId> unknown = productIds.stream().filter(id -> !known.containsKey(id)).map(ProductId::of)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            return queries.many(new FindProductsByIdQuery(unknown), ProductView.class)
                    .map(found -> {
                        found.forEach(product -> {
                            Price price = Price.of(product);
                            prices.put(product.productId(), price);
                            known.put(product.productId(), price);
                        });
                        return priced(lines, known);
                    });
        });
    }

    private static List<OrderLine> priced(List<PlaceOrderRequest.Line> lines, Map<String, Price> catalogue) {
        requireAllKnown(lines, catalogue);
        requireOneCurrency(lines, catalogue);
        return lines.stream().map(line -> {
            Price product = catalogue.get(line.productId());
            return new OrderLine(ProductId.of(line.productId()), product.name(), line.quantity(),
                    new Money(product.price(), product.currency()));
        }).toList();
    }

    /** What the catalogue says a product is called and costs. */
    private record Price(String name, BigDecimal price, String currency) {

        static Price of(ProductView product) {
            return new Price(product.name(), product.price(), product.currency());
        }
    }

    private static void requireEachProductOnce(List<PlaceOrderRequest.Line> lines) {
        List<FieldViolation> repeats = OrderLineRules.repeatedProducts(lines, PlaceOrderRequest.Line::productId).stream()
                .map(repeat -> new FieldViolation("lines[" + repeat.line() + "].productId",
                        "repeats the product of lines[" + repeat.firstLine() + "]; order it once with the total quantity"))
                .toList();
        if (!repeats.isEmpty()) {
            throw ApiProblem.of(OrderLineRules.EACH_PRODUCT_ONCE,
                    "Each product may appear in only one line of an order.", repeats);
        }
    }

    private static void requireAllKnown(List<PlaceOrderRequest.Line> lines, Map<String, Price> catalogue) {
        Set<String> unknown = lines.stream()
                .map(PlaceOrderRequest.Line::productId)
                .filter(productId -> !catalogue.containsKey(productId))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            throw ApiProblem.of(ErrorCode.UNKNOWN_PRODUCT, "Unknown products: " + String.join(", ", unknown) + ".")
                    .with("unknownProductIds", List.copyOf(unknown));
        }
    }

    private static void requireOneCurrency(List<PlaceOrderRequest.Line> lines, Map<String, Price> catalogue) {
        Set<String> currencies = OrderLineRules.mixedCurrencies(lines, line -> catalogue.get(line.productId()).currency());
        if (!currencies.isEmpty()) {
            throw ApiProblem.of(OrderLineRules.ONE_CURRENCY,
                    "All products of an order must be priced in one currency; these are in "
                            + String.join(", ", currencies) + ".")
                    .with("currencies", List.copyOf(currencies));
        }
    }
}
