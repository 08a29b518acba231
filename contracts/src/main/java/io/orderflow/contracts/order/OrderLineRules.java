package io.orderflow.contracts.order;

import io.orderflow.contracts.common.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The two rules for an order's lines that are checked twice: by the edge, to answer 422 before anything is
 * sent, and by the Order aggregate, which refuses a {@link PlaceOrderCommand} that breaks them whoever sent it.
 * Both apply them here, so that they cannot drift apart; each phrases its own refusal (a problem document, a
 * {@link io.orderflow.contracts.common.BusinessRuleViolation}) with the rule's error code. Lines are given
 * with how to read them, since the edge checks a request's lines and the aggregate a command's.
 */
public final class OrderLineRules {

    /** Each product may appear in only one line of an order. */
    public static final ErrorCode EACH_PRODUCT_ONCE = ErrorCode.DUPLICATE_PRODUCT_IN_ORDER;
    /** All lines of an order are priced in one currency. */
    public static final ErrorCode ONE_CURRENCY = ErrorCode.CURRENCY_MISMATCH;

    private OrderLineRules() {
    }

    /** Line {@code line} (0-based) orders the product of the earlier line {@code firstLine} again. */
    public record RepeatedProduct(int line, int firstLine) {
    }

    /** Every line that repeats an earlier line's product, in line order; empty when each product is ordered once. */
    public static <L> List<RepeatedProduct> repeatedProducts(List<L> lines, Function<? super L, ?> productOf) {
        Map<Object, Integer> firstLine = new HashMap<>();
        List<RepeatedProduct> repeats = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Integer first = firstLine.putIfAbsent(productOf.apply(lines.get(i)), i);
            if (first != null) {
                repeats.add(new RepeatedProduct(i, first));
            }
        }
        return List.copyOf(repeats);
    }

    /** The lines' currencies, sorted, when there is more than one; empty when the order is in one currency. */
    public static <L> SortedSet<String> mixedCurrencies(List<L> lines, Function<? super L, String> currencyOf) {
        SortedSet<String> currencies = new TreeSet<>();
        lines.forEach(line -> currencies.add(currencyOf.apply(line)));
        return currencies.size() > 1 ? Collections.unmodifiableSortedSet(currencies) : Collections.emptySortedSet();
    }
}
