package io.orderflow.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.platform.db.DatabaseConfiguration;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.modelling.saga.repository.AnnotatedSagaRepository;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The saga store on the real PostgreSQL, driven by Axon's own saga manager the way a tracking processor drives
 * it: a batch of events in one {@link BatchingUnitOfWork} and one transaction. Statements are counted on the
 * connections the store is given.
 */
@SpringBootTest(classes = BatchingSagaStoreTest.App.class,
        properties = {"orderflow.kafka.bootstrap-servers=localhost:1", "axon.axonserver.enabled=false"})
class BatchingSagaStoreTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({DatabaseConfiguration.class, AxonPersistenceConfiguration.class})
    static class App {
    }

    @Autowired ConnectionProvider connectionProvider;
    @Autowired TransactionManager transactionManager;
    @Autowired Serializer serializer;
    @Autowired JdbcTemplate jdbc;

    private final Map<String, AtomicInteger> statements = new ConcurrentHashMap<>();
    private AnnotatedSagaManager<Tally> sagaManager;

    @BeforeEach
    void sagaManagerOnTheBatchingStore() {
        ConnectionProvider counting = () -> counted(connectionProvider.getConnection());
        JdbcSagaStore rowByRow = JdbcSagaStore.builder()
                .connectionProvider(counting)
                .sqlSchema(new PostgresSagaSqlSchema(AxonSchemas.sagas()))
                .serializer(serializer)
                .build();
        BatchingSagaStore store = new BatchingSagaStore(rowByRow, counting, serializer, AxonSchemas.sagas());
        AnnotatedSagaRepository<Tally> repository = AnnotatedSagaRepository.<Tally>builder()
                .sagaType(Tally.class)
                .sagaStore(store)
                .build();
        sagaManager = AnnotatedSagaManager.<Tally>builder()
                .sagaType(Tally.class)
                .sagaRepository(repository)
                .sagaFactory(Tally::new)
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                .build();
    }

    @Test
    void looksUpEveryEventOfABatchInOneQueryAndReadsWhatItFound() {
        String first = id();
        String second = id();
        String unknown = id();
        handleBatch(new Opened(first), new Opened(second));
        statements.clear();

        ResultMessage<?> result = handleBatch(new Seen(first), new Seen(second), new Seen(unknown), new Seen(first));

        assertThat(result.isExceptional()).isFalse();
        assertThat(count("JOIN")).as("association lookups with their sagas").isEqualTo(1);
        assertThat(count("SELECT")).as("no other reads").isEqualTo(1);
        assertThat(seen(first)).isEqualTo(3);
        assertThat(seen(second)).isEqualTo(2);
        assertThat(sagasAssociatedWith(unknown)).isZero();
    }

    @Test
    void writesABatchOfSagasInOneStatementBatchPerKind() {
        String first = id();
        String second = id();
        String third = id();

        handleBatch(new Opened(first), new Opened(second), new Opened(third), new Seen(first));

        assertThat(count("INSERT INTO axon.saga_entry")).isEqualTo(1);
        assertThat(count("INSERT INTO axon.association_value_entry")).isEqualTo(1);
        assertThat(seen(first)).isEqualTo(2);
        assertThat(seen(second)).isEqualTo(1);
        assertThat(seen(third)).isEqualTo(1);
    }

    @Test
    void aSagaStartedInABatchHandlesTheBatchsLaterEventsAndIsStoredOnceWithItsAssociations() {
        String order = id();
        String payment = id();

        handleBatch(new Opened(order), new Seen(order), new Linked(order, payment), new Seen(order));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.saga_entry s JOIN axon.association_value_entry a"
                + " ON a.saga_id = s.saga_id WHERE a.association_key = 'orderId' AND a.association_value = ?",
                Integer.class, order)).isEqualTo(1);
        assertThat(seen(order)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.association_value_entry"
                + " WHERE association_key = 'paymentId' AND association_value = ?", Integer.class, payment)).isEqualTo(1);
    }

    @Test
    void associationsAddedInOneBatchAreFoundByTheNext() {
        String order = id();
        String payment = id();
        handleBatch(new Opened(order));
        handleBatch(new Linked(order, payment));

        handleBatch(new Charged(payment), new Seen(order));

        assertThat(seen(order)).isEqualTo(4);
    }

    @Test
    void anEndedSagaIsDeletedWithItsAssociations() {
        String order = id();
        String payment = id();
        handleBatch(new Opened(order), new Linked(order, payment));

        handleBatch(new Seen(order), new Closed(order));

        assertThat(sagasAssociatedWith(order)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.association_value_entry WHERE association_value = ?",
                Integer.class, payment)).isZero();
    }

    @Test
    void aFailedBatchWritesNothing() {
        String existing = id();
        String started = id();
        handleBatch(new Opened(existing));

        ResultMessage<?> result = handleBatch(new Seen(existing), new Opened(started), new Failing(existing));

        assertThat(result.exceptionResult()).hasMessage("handler failed");
        assertThat(seen(existing)).isEqualTo(1);
        assertThat(sagasAssociatedWith(started)).isZero();
    }

    @Test
    void aUnitOfWorkOfOneEventWorksAsABatchOfOne() {
        String order = id();
        handleBatch(new Opened(order));

        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(new Seen(order)));
        unitOfWork.attachTransaction(transactionManager);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            sagaManager.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        });

        assertThat(result.isExceptional()).isFalse();
        assertThat(seen(order)).isEqualTo(2);
    }

    private ResultMessage<?> handleBatch(Object... payloads) {
        List<EventMessage<?>> events = java.util.Arrays.stream(payloads)
                .<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        unitOfWork.attachTransaction(transactionManager);
        return unitOfWork.executeWithResult(() -> {
            sagaManager.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        });
    }

    private int seen(String orderId) {
        List<byte[]> sagas = jdbc.queryForList("SELECT s.serialized_saga FROM axon.saga_entry s"
                + " JOIN axon.association_value_entry a ON a.saga_id = s.saga_id"
                + " WHERE a.association_key = 'orderId' AND a.association_value = ?", byte[].class, orderId);
        assertThat(sagas).hasSize(1);
        return serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(sagas.get(0),
                byte[].class, serializer.typeForClass(Tally.class))) instanceof Tally tally ? tally.getSeen() : -1;
    }

    private int sagasAssociatedWith(String orderId) {
        return jdbc.queryForObject("SELECT count(*) FROM axon.association_value_entry WHERE association_value = ?",
                Integer.class, orderId);
    }

    private int count(String sqlFragment) {
        return statements.entrySet().stream().filter(entry -> entry.getKey().contains(sqlFragment))
                .mapToInt(entry -> entry.getValue().get()).sum();
    }

    private Connection counted(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        statements.computeIfAbsent((String) args[0], sql -> new AtomicInteger()).incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    record Opened(String orderId) {
    }

    record Seen(String orderId) {
    }

    record Linked(String orderId, String paymentId) {
    }

    record Charged(String paymentId) {
    }

    record Closed(String orderId) {
    }

    record Failing(String orderId) {
    }

    /** Counts the events it handles; stored by the application's saga serializer. */
    public static class Tally {

        private int seen;

        public int getSeen() {
            return seen;
        }

        public void setSeen(int seen) {
            this.seen = seen;
        }

        @StartSaga
        @SagaEventHandler(associationProperty = "orderId")
        public void on(Opened event) {
            seen++;
        }

        @SagaEventHandler(associationProperty = "orderId")
        public void on(Seen event) {
            seen++;
        }

        @SagaEventHandler(associationProperty = "orderId")
        public void on(Linked event) {
            SagaLifecycle.associateWith("paymentId", event.paymentId());
            seen++;
        }

        @SagaEventHandler(associationProperty = "paymentId")
        public void on(Charged event) {
            seen++;
        }

        @EndSaga
        @SagaEventHandler(associationProperty = "orderId")
        public void on(Closed event) {
            seen++;
        }

        @SagaEventHandler(associationProperty = "orderId")
        public void on(Failing event) {
            throw new IllegalStateException("handler failed");
        }
    }
}
