package io.orderflow.platform.axon;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.property.Property;
import org.axonframework.common.property.PropertyAccessStrategy;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.SagaStorageException;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A saga store that reads a processor batch's sagas in one query and writes them in one JDBC batch, in Axon's
 * saga tables. Axon's saga manager looks every event's sagas up by association, loads each saga and its
 * associations, and at commit inserts, updates or deletes each saga and association row by row: a dozen round
 * trips to the database per event, which made the saga processor wait on the network rather than work.
 *
 * <p>Reads: the first lookup of a unit of work also looks up the same association key for every other event of
 * its batch (the value read from the event's payload, as the saga's {@code associationProperty} is), and fetches
 * the sagas it finds with their associations. The answers, including "none", hold for the rest of the unit of
 * work, which they cannot outlive: nothing is cached across transactions, so another instance's writes are never
 * hidden. A saga this unit of work starts is known to Axon's saga repository, which adds it to later lookups.
 *
 * <p>Writes: kept until the end of the unit of work's prepare-commit phase, after every saga of the batch has
 * been committed by the repository, then written in the same transaction: deletions, updates, insertions, and
 * the association rows, each kind in one statement batch. A failure fails the unit of work, as a row-by-row
 * write would. Outside a unit of work, and in a batch whose last event has not looked a saga up, writes go
 * straight to {@code delegate}.
 */
final class BatchingSagaStore implements SagaStore<Object> {

    private static final Logger log = LoggerFactory.getLogger(BatchingSagaStore.class);
    private static final String FOUND_RESOURCE = BatchingSagaStore.class.getName() + ".found";
    private static final String FETCHED_RESOURCE = BatchingSagaStore.class.getName() + ".fetched";
    private static final String WRITES_RESOURCE = BatchingSagaStore.class.getName() + ".writes";

    private final SagaStore<Object> delegate;
    private final ConnectionProvider connectionProvider;
    private final Serializer serializer;
    private final Map<PropertyKey, Optional<Property<Object>>> properties = new ConcurrentHashMap<>();
    private final String findAndFetch;
    private final String insertSaga;
    private final String updateSaga;
    private final String deleteSagas;
    private final String insertAssociation;
    private final String deleteAssociation;
    private final String deleteAssociationsOfSagas;

    BatchingSagaStore(SagaStore<Object> delegate, ConnectionProvider connectionProvider, Serializer serializer, SagaSchema schema) {
        this.delegate = delegate;
        this.connectionProvider = connectionProvider;
        this.serializer = serializer;
        String sagaId = schema.sagaIdColumn();
        String sagaType = schema.sagaTypeColumn();
        String key = schema.associationKeyColumn();
        String value = schema.associationValueColumn();
        String associations = schema.associationValueEntryTable();
        String sagas = schema.sagaEntryTable();
        this.findAndFetch = """
                SELECT a.%5$s, s.%1$s, s.%2$s, s.%3$s, s.%4$s,
                       ARRAY(SELECT v.%6$s FROM %7$s v WHERE v.%1$s = s.%1$s AND v.%2$s = s.%2$s ORDER BY v.%6$s, v.%5$s),
                       ARRAY(SELECT v.%5$s FROM %7$s v WHERE v.%1$s = s.%1$s AND v.%2$s = s.%2$s ORDER BY v.%6$s, v.%5$s)
                  FROM %7$s a JOIN %8$s s ON s.%1$s = a.%1$s
                 WHERE a.%6$s = ? AND a.%5$s = ANY(?) AND a.%2$s = ?""".formatted(
                sagaId, sagaType, schema.revisionColumn(), schema.serializedSagaColumn(), value, key, associations, sagas);
        this.insertSaga = "INSERT INTO %s (%s, %s, %s, %s) VALUES (?, ?, ?, ?)".formatted(
                sagas, sagaId, schema.revisionColumn(), sagaType, schema.serializedSagaColumn());
        this.updateSaga = "UPDATE %s SET %s = ?, %s = ? WHERE %s = ?".formatted(
                sagas, schema.serializedSagaColumn(), schema.revisionColumn(), sagaId);
        this.deleteSagas = "DELETE FROM %s WHERE %s = ANY(?)".formatted(sagas, sagaId);
        this.insertAssociation = "INSERT INTO %s (%s, %s, %s, %s) VALUES (?, ?, ?, ?)".formatted(
                associations, key, value, sagaType, sagaId);
        this.deleteAssociation = "DELETE FROM %s WHERE %s = ? AND %s = ? AND %s = ? AND %s = ?".formatted(
                associations, key, value, sagaType, sagaId);
        this.deleteAssociationsOfSagas = "DELETE FROM %s WHERE %s = ANY(?)".formatted(associations, sagaId);
    }

    // ---- reads

    @Override
    public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
        if (!CurrentUnitOfWork.isStarted()) {
            return delegate.findSagas(sagaType, associationValue);
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        prepareToWriteAtTheEnd(unitOfWork);
        String sagaTypeName = sagaTypeName(sagaType);
        Map<Lookup, Set<String>> found = found(unitOfWork.root());
        Lookup lookup = new Lookup(sagaTypeName, associationValue);
        if (!found.containsKey(lookup)) {
            Set<String> values = new LinkedHashSet<>();
            values.add(associationValue.getValue());
            values.addAll(sameKeyInTheBatch(unitOfWork.root(), associationValue.getKey()));
            values.removeIf(value -> found.containsKey(new Lookup(sagaTypeName, new AssociationValue(associationValue.getKey(), value))));
            findAndFetch(unitOfWork.root(), sagaTypeName, associationValue.getKey(), values);
        }
        return found.get(lookup);
    }

    @SuppressWarnings("unchecked")
    @Override
    public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        if (CurrentUnitOfWork.isStarted()) {
            Fetched fetched = fetched(CurrentUnitOfWork.get().root()).remove(sagaIdentifier);
            if (fetched != null) {
                return new LoadedSaga<>((S) serializer.deserialize(fetched.saga()), fetched.associations());
            }
        }
        return delegate.loadSaga(sagaType, sagaIdentifier);
    }

    /** The values of {@code key} in the payloads of the batch's events, where they have such a property. */
    private Set<String> sameKeyInTheBatch(UnitOfWork<?> root, String key) {
        Set<String> values = new HashSet<>();
        if (root instanceof BatchingUnitOfWork<?> batch) {
            for (Message<?> message : batch.getMessages()) {
                Object payload = message.getPayload();
                if (payload != null) {
                    property(payload.getClass(), key).map(property -> property.getValue(payload))
                            .ifPresent(value -> values.add(value.toString()));
                }
            }
        }
        return values;
    }

    private Optional<Property<Object>> property(Class<?> type, String name) {
        return properties.computeIfAbsent(new PropertyKey(type, name),
                key -> Optional.ofNullable(PropertyAccessStrategy.getProperty(type, name)));
    }

    private void findAndFetch(UnitOfWork<?> root, String sagaTypeName, String key, Set<String> values) {
        Map<Lookup, Set<String>> found = found(root);
        values.forEach(value -> found.put(new Lookup(sagaTypeName, new AssociationValue(key, value)), new TreeSet<>()));
        try (Connection connection = connectionProvider.getConnection();
             PreparedStatement query = connection.prepareStatement(findAndFetch)) {
            query.setString(1, key);
            query.setArray(2, connection.createArrayOf("varchar", values.toArray()));
            query.setString(3, sagaTypeName);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String sagaId = rows.getString(2);
                    found.get(new Lookup(sagaTypeName, new AssociationValue(key, rows.getString(1)))).add(sagaId);
                    SerializedObject<byte[]> saga = new SimpleSerializedObject<>(rows.getBytes(5), byte[].class,
                            rows.getString(3), rows.getString(4));
                    fetched(root).put(sagaId, new Fetched(saga, associations(rows.getArray(6), rows.getArray(7))));
                }
            }
        } catch (SQLException e) {
            throw new SagaStorageException("Exception while finding and reading sagas", e);
        }
    }

    private static Set<AssociationValue> associations(Array keys, Array values) throws SQLException {
        String[] keyArray = (String[]) keys.getArray();
        String[] valueArray = (String[]) values.getArray();
        Set<AssociationValue> associations = new HashSet<>();
        for (int i = 0; i < keyArray.length; i++) {
            associations.add(new AssociationValue(keyArray[i], valueArray[i]));
        }
        return associations;
    }

    // ---- writes

    @Override
    public void insertSaga(Class<?> sagaType, String sagaIdentifier, Object saga, Set<AssociationValue> associationValues) {
        Writes writes = writes();
        if (writes == null) {
            delegate.insertSaga(sagaType, sagaIdentifier, saga, associationValues);
            return;
        }
        writes.inserted.add(new Inserted(sagaIdentifier, sagaTypeName(sagaType), serialize(saga), Set.copyOf(associationValues)));
    }

    @Override
    public void updateSaga(Class<?> sagaType, String sagaIdentifier, Object saga, AssociationValues associationValues) {
        Writes writes = writes();
        if (writes == null) {
            delegate.updateSaga(sagaType, sagaIdentifier, saga, associationValues);
            return;
        }
        writes.updated.add(new Updated(sagaIdentifier, sagaTypeName(sagaType), serialize(saga),
                Set.copyOf(associationValues.addedAssociations()), Set.copyOf(associationValues.removedAssociations())));
    }

    @Override
    public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        Writes writes = writes();
        if (writes == null) {
            delegate.deleteSaga(sagaType, sagaIdentifier, associationValues);
            return;
        }
        writes.deleted.add(sagaIdentifier);
    }

    /**
     * Arranges for the writes of this unit of work to be made at the very end of its prepare-commit phase. Axon's
     * saga repository commits each saga in the prepare-commit handlers of the event that first loaded it, and a
     * batch runs its events' handlers one event after the other: the end is after the last event's handlers. A
     * handler registered now, while the last event is handled, runs among them; it registers the write, which then
     * runs after all of them.
     */
    private void prepareToWriteAtTheEnd(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        boolean last = !(root instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage();
        if (last && unitOfWork == root && !root.resources().containsKey(WRITES_RESOURCE)) {
            Writes writes = new Writes();
            root.resources().put(WRITES_RESOURCE, writes);
            root.onPrepareCommit(committing -> committing.onPrepareCommit(end -> write(writes)));
        }
    }

    /** This unit of work's pending writes, or null when they cannot wait for its end. */
    private static Writes writes() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(WRITES_RESOURCE) : null;
    }

    private void write(Writes writes) {
        if (writes.isEmpty()) {
            return;
        }
        try (Connection connection = connectionProvider.getConnection()) {
            if (!writes.deleted.isEmpty()) {
                Array deleted = connection.createArrayOf("varchar", writes.deleted.toArray());
                executeWith(connection, deleteAssociationsOfSagas, deleted);
                executeWith(connection, deleteSagas, deleted);
            }
            List<Updated> updated = updateSagas(connection, writes.updated);
            try (PreparedStatement insert = connection.prepareStatement(insertSaga)) {
                for (Inserted saga : writes.inserted) {
                    insert.setString(1, saga.sagaId());
                    insert.setString(2, saga.serialized().getType().getRevision());
                    insert.setString(3, saga.serialized().getType().getName());
                    insert.setBytes(4, saga.serialized().getData());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement(insertAssociation)) {
                for (Inserted saga : writes.inserted) {
                    addAssociations(insert, saga.sagaType(), saga.sagaId(), saga.associations());
                }
                for (Updated saga : updated) {
                    addAssociations(insert, saga.sagaType(), saga.sagaId(), saga.added());
                }
                insert.executeBatch();
            }
            try (PreparedStatement delete = connection.prepareStatement(deleteAssociation)) {
                for (Updated saga : updated) {
                    addAssociations(delete, saga.sagaType(), saga.sagaId(), saga.removed());
                }
                delete.executeBatch();
            }
        } catch (SQLException e) {
            throw new SagaStorageException("Exception while writing a batch of sagas", e);
        }
    }

    /** Updates the sagas; returns those that exist (Axon's store leaves a missing saga's associations alone too). */
    private List<Updated> updateSagas(Connection connection, List<Updated> sagas) throws SQLException {
        if (sagas.isEmpty()) {
            return sagas;
        }
        int[] counts;
        try (PreparedStatement update = connection.prepareStatement(updateSaga)) {
            for (Updated saga : sagas) {
                update.setBytes(1, saga.serialized().getData());
                update.setString(2, saga.serialized().getType().getRevision());
                update.setString(3, saga.sagaId());
                update.addBatch();
            }
            counts = update.executeBatch();
        }
        List<Updated> existing = new ArrayList<>(sagas.size());
        for (int i = 0; i < sagas.size(); i++) {
            if (counts[i] == 0) {
                log.warn("Expected to update saga {}, but it is not stored", sagas.get(i).sagaId());
            } else {
                existing.add(sagas.get(i));
            }
        }
        return existing;
    }

    private static void addAssociations(PreparedStatement statement, String sagaType, String sagaId,
                                        Set<AssociationValue> associations) throws SQLException {
        for (AssociationValue association : associations) {
            statement.setString(1, association.getKey());
            statement.setString(2, association.getValue());
            statement.setString(3, sagaType);
            statement.setString(4, sagaId);
            statement.addBatch();
        }
    }

    private static void executeWith(Connection connection, String sql, Array ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, ids);
            statement.executeUpdate();
        }
    }

    private SerializedObject<byte[]> serialize(Object saga) {
        return serializer.serialize(saga, byte[].class);
    }

    private String sagaTypeName(Class<?> sagaType) {
        return serializer.typeForClass(sagaType).getName();
    }

    private static Map<Lookup, Set<String>> found(UnitOfWork<?> root) {
        return root.getOrComputeResource(FOUND_RESOURCE, key -> new HashMap<>());
    }

    private static Map<String, Fetched> fetched(UnitOfWork<?> root) {
        return root.getOrComputeResource(FETCHED_RESOURCE, key -> new HashMap<>());
    }

    private record Lookup(String sagaType, AssociationValue associationValue) {
    }

    private record PropertyKey(Class<?> type, String name) {
    }

    private record Fetched(SerializedObject<byte[]> saga, Set<AssociationValue> associations) {
    }

    private record LoadedSaga<S>(S saga, Set<AssociationValue> associationValues) implements Entry<S> {
    }

    private record Inserted(String sagaId, String sagaType, SerializedObject<byte[]> serialized, Set<AssociationValue> associations) {
    }

    private record Updated(String sagaId, String sagaType, SerializedObject<byte[]> serialized,
                           Set<AssociationValue> added, Set<AssociationValue> removed) {
    }

    /** What a unit of work's sagas wrote, in the order of their commits. */
    private static final class Writes {
        final List<String> deleted = new ArrayList<>();
        final List<Updated> updated = new ArrayList<>();
        final List<Inserted> inserted = new ArrayList<>();

        boolean isEmpty() {
            return deleted.isEmpty() && updated.isEmpty() && inserted.isEmpty();
        }
    }
}
