package io.orderflow.edge.order;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.FindProductsByIdQuery;
import io.orderflow.contracts.inventory.ProductView;
import io.orderflow.contracts.order.OrderLine;
import io.orderflow.edge.dispatch.Queries;
import io.orderflow.edge.problem.ApiProblem;
import io.orderflow.edge.problem.FieldViolation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Prices the lines of a new order from the catalogue: each product at most once, every product known,
 * all in one currency; name and unit price are the catalogue's.
 */
@Component
class OrderPricing {

    private final Queries queries;

    OrderPricing(Queries queries) {
        this.queries = queries;
    }

    Mono<List<OrderLine>> price(List<PlaceOrderRequest.Line> lines) {
        return Mono.defer(() -> {
            requireEachProductOnce(lines);
            Set<ProductId> productIds = lines.stream()
                    .map(line -> ProductId.of(line.productId()))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            return queries.many(new FindProductsByIdQuery(productIds), ProductView.class)
                    .map(found -> priced(lines, byId(found)));
        });
    }

    private static List<OrderLine> priced(List<PlaceOrderRequest.Line> lines, Map<String, ProductView> catalogue) {
        requireAllKnown(lines, catalogue);
        requireOneCurrency(lines, catalogue);
        return lines.stream().map(line -> {
            ProductView product = catalogue.get(line.productId());
            return new OrderLine(ProductId.of(line.productId()), product.name(), line.quantity(),
                    new Money(product.price(), product.currency()));
        }).toList();
    }

    private static void requireEachProductOnce(List<PlaceOrderRequest.Line> lines) {
        Map<String, Integer> firstLine = new HashMap<>();
        List<FieldViolation> repeats = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Integer first = firstLine.putIfAbsent(lines.get(i).productId(), i);
            if (first != null) {
                repeats.add(new FieldViolation("lines[" + i + "].productId",
                        "repeats the product of lines[" + first + "]; order it once with the total quantity"));
            }
        }
        if (!repeats.isEmpty()) {
            throw ApiProblem.of(ErrorCode.DUPLICATE_PRODUCT_IN_ORDER,
                    "Each product may appear in only one line of an order.", repeats);
        }
    }

    private static void requireAllKnown(List<PlaceOrderRequest.Line> lines, Map<String, ProductView> catalogue) {
        Set<String> unknown = lines.stream()
                .map(PlaceOrderRequest.Line::productId)
                .filter(productId -> !catalogue.containsKey(productId))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            throw ApiProblem.of(ErrorCode.UNKNOWN_PRODUCT, "Unknown products: " + String.join(", ", unknown) + ".")
                    .with("unknownProductIds", List.copyOf(unknown));
        }
    }

    private static void requireOneCurrency(List<PlaceOrderRequest.Line> lines, Map<String, ProductView> catalogue) {
        Set<String> currencies = lines.stream()
                .map(line -> catalogue.get(line.productId()).currency())
                .collect(Collectors.toCollection(TreeSet::new));
        if (currencies.size() > 1) {
            throw ApiProblem.of(ErrorCode.CURRENCY_MISMATCH,
                    "All products of an order must be priced in one currency; these are in "
                            + String.join(", ", currencies) + ".")
                    .with("currencies", List.copyOf(currencies));
        }
    }

    private static Map<String, ProductView> byId(List<ProductView> products) {
        return products.stream().collect(Collectors.toMap(ProductView::productId, Function.identity(), (a, b) -> a));
    }
}
