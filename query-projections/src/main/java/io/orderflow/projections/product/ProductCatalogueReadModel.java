package io.orderflow.projections.product;

import io.orderflow.projections.readmodel.ReadModel;
import io.orderflow.projections.readmodel.ReadModel.Table;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The product catalogue as a read model that can be replayed and verified: its projection and its table. */
@Configuration(proxyBeanMethods = false)
class ProductCatalogueReadModel {

    @Bean
    ReadModel productCatalogue(ProductCatalogueProjection projection) {
        return new ReadModel(ProductCatalogueProjection.PROCESSING_GROUP, projection, List.of(
                Table.of("product_view", "product_id")));
    }
}
