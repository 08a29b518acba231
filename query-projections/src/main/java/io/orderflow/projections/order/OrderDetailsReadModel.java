package io.orderflow.projections.order;

import io.orderflow.projections.readmodel.ReadModel;
import io.orderflow.projections.readmodel.ReadModel.Table;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order details as a read model that can be replayed and verified: its projection and its tables. */
@Configuration(proxyBeanMethods = false)
class OrderDetailsReadModel {

    @Bean
    ReadModel orderDetails(OrderDetailsProjection projection) {
        return new ReadModel(OrderDetailsProjection.PROCESSING_GROUP, projection, List.of(
                Table.of("order_view", "order_id"),
                Table.of("order_line_view", "order_id", "line_no"),
                Table.of("order_status_history", "order_id", "sequence")));
    }
}
