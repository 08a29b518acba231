package io.orderflow.projections.product;

import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.FindAllProductsQuery;
import io.orderflow.contracts.inventory.FindProductQuery;
import io.orderflow.contracts.inventory.ProductView;
import io.orderflow.projections.live.ChangeChannel;
import io.orderflow.projections.readmodel.Generation;
import io.orderflow.projections.readmodel.Row;
import java.util.Collection;
import java.util.List;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells the subscribers of the catalogue ({@link FindAllProductsQuery}) and of the product itself
 * ({@link FindProductQuery}) about a product whose stock or price changed, or that was added: the product as it is now, read in the projection's transaction and delivered once it commits.
 * Nothing is read when nobody follows. Other instances hear of it through
 * {@code NOTIFY orderflow_product_changed} in the same transaction (which PostgreSQL sends once per product
 * and transaction, however many of the batch's events touched it).
 */
@Component
class ProductUpdates extends ChangeChannel {

    static final String CHANNEL = "orderflow_product_changed";

    /** Only for changes made by other instances; a context without the query side (the auditor's) has none. */
    private final ObjectProvider<ProductCatalogueQueries> queries;

    ProductUpdates(QueryUpdateEmitter emitter, JdbcTemplate jdbc, ObjectProvider<ProductCatalogueQueries> queries) {
        super(CHANNEL, emitter, jdbc);
        this.queries = queries;
    }

    /** The products of a batch that changed: other instances are notified once, followers here told each. */
    void changed(Collection<String> productIds, Generation tables) {
        notifyOthers(productIds);
        if (!anyoneFollows()) {
            return;
        }
        List<ProductView> products = jdbc.query("SELECT " + ProductCatalogueQueries.COLUMNS + " FROM " + tables.table("product_view")
                        + " WHERE product_id = ANY(?)",
                (resultSet, index) -> ProductCatalogueQueries.toView(Row.of(resultSet)), (Object) productIds.toArray(String[]::new));
        afterCommit(() -> products.forEach(this::emit));
    }

    @Override
    protected Mono<Void> changedElsewhere(String changedId) {
        if (!anyoneFollows()) {
            return Mono.empty();
        }
        return Mono.fromFuture(() -> queries.getObject().handle(new FindProductQuery(ProductId.of(changedId))))
                .doOnNext(this::emit)
                .then();
    }

    @Override
    protected Mono<Void> catchUp() {
        if (!anyoneFollows()) {
            return Mono.empty();
        }
        return Mono.fromFuture(() -> queries.getObject().handle(new FindAllProductsQuery()))
                .flatMapMany(Flux::fromIterable)
                .doOnNext(this::emit)
                .then();
    }

    private void emit(ProductView product) {
        emitter.emit(FindAllProductsQuery.class, query -> true, product);
        emitter.emit(FindProductQuery.class, query -> query.productId().value().equals(product.productId()), product);
    }

    private boolean anyoneFollows() {
        for (SubscriptionQueryMessage<?, ?, ?> subscription : List.copyOf(emitter.activeSubscriptions())) {
            if (subscription.getPayload() instanceof FindAllProductsQuery || subscription.getPayload() instanceof FindProductQuery) {
                return true;
            }
        }
        return false;
    }
}
