package io.orderflow.topology;

import io.orderflow.payment.PaymentServiceApplication;
import io.orderflow.service.edge.EdgeServiceApplication;
import io.orderflow.service.inventory.InventoryServiceApplication;
import io.orderflow.service.notification.NotificationServiceApplication;
import io.orderflow.service.order.OrderServiceApplication;
import io.orderflow.service.query.QueryServiceApplication;
import io.orderflow.service.saga.SagaServiceApplication;
import java.lang.reflect.Field;
import java.util.List;

/** A separately deployed service: its name (the NAME of its main class) and its Maven module. */
record Deployable(String name, Class<?> mainClass, String module) {

    static final List<Deployable> ALL = List.of(
            of(EdgeServiceApplication.class, "runtime/services/edge-service"),
            of(OrderServiceApplication.class, "runtime/services/order-service"),
            of(InventoryServiceApplication.class, "runtime/services/inventory-service"),
            of(SagaServiceApplication.class, "runtime/services/saga-service"),
            of(QueryServiceApplication.class, "runtime/services/query-service"),
            of(PaymentServiceApplication.class, "components/payment-service"),
            of(NotificationServiceApplication.class, "runtime/services/notification-service"));

    private static Deployable of(Class<?> mainClass, String module) {
        try {
            Field name = mainClass.getField("NAME");
            return new Deployable((String) name.get(null), mainClass, module);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(mainClass + " has no public NAME", e);
        }
    }

    /** The configuration class the main class starts (its nested {@code Service}). */
    Class<?> configuration() {
        try {
            return Class.forName(mainClass.getName() + "$Service");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(mainClass + " has no nested Service configuration", e);
        }
    }
}
