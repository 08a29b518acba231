package io.orderflow.platform.axon;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.modelling.saga.SagaStorageException;

/**
 * A saga store that finds a saga and reads it in one query. Axon's saga manager looks an event's sagas up by
 * association, then loads each saga and then its associations: three round trips to the database per saga
 * and batch. Here the lookup fetches the sagas it finds with their associations, and keeps them, and the
 * lookup's answer, for the rest of the unit of work (a processor's batch), which they cannot outlive: nothing
 * is cached across transactions, so another instance's writes are never hidden. Writes go to {@code delegate}.
 */
final class PrefetchingSagaStore implements SagaStore<Object> {

    private static final String FOUND_RESOURCE = PrefetchingSagaStore.class.getName() + ".found";
    private static final String FETCHED_RESOURCE = PrefetchingSagaStore.class.getName() + ".fetched";

    private final SagaStore<Object> delegate;
    private final ConnectionProvider connectionProvider;
    private final Serializer serializer;
    private final String findAndFetch;

    PrefetchingSagaStore(SagaStore<Object> delegate, ConnectionProvider connectionProvider, Serializer serializer, SagaSchema schema) {
        this.delegate = delegate;
        this.connectionProvider = connectionProvider;
        this.serializer = serializer;
        this.findAndFetch = """
                SELECT s.%1$s, s.%2$s, s.%3$s, s.%4$s,
                       ARRAY(SELECT v.%5$s FROM %7$s v WHERE v.%1$s = s.%1$s AND v.%2$s = s.%2$s ORDER BY v.%5$s, v.%6$s),
                       ARRAY(SELECT v.%6$s FROM %7$s v WHERE v.%1$s = s.%1$s AND v.%2$s = s.%2$s ORDER BY v.%5$s, v.%6$s)
                  FROM %7$s a JOIN %8$s s ON s.%1$s = a.%1$s
                 WHERE a.%5$s = ? AND a.%6$s = ? AND a.%2$s = ?""".formatted(
                schema.sagaIdColumn(), schema.sagaTypeColumn(), schema.revisionColumn(), schema.serializedSagaColumn(),
                schema.associationKeyColumn(), schema.associationValueColumn(),
                schema.associationValueEntryTable(), schema.sagaEntryTable());
    }

    @Override
    public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
        if (!CurrentUnitOfWork.isStarted()) {
            return delegate.findSagas(sagaType, associationValue);
        }
        String sagaTypeName = sagaTypeName(sagaType);
        return found().computeIfAbsent(new Lookup(sagaTypeName, associationValue),
                lookup -> findAndFetch(sagaTypeName, associationValue));
    }

    @SuppressWarnings("unchecked")
    @Override
    public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        if (CurrentUnitOfWork.isStarted()) {
            Fetched fetched = fetched().remove(sagaIdentifier);
            if (fetched != null) {
                return new LoadedSaga<>((S) serializer.deserialize(fetched.saga()), fetched.associations());
            }
        }
        return delegate.loadSaga(sagaType, sagaIdentifier);
    }

    @Override
    public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        delegate.deleteSaga(sagaType, sagaIdentifier, associationValues);
    }

    @Override
    public void insertSaga(Class<?> sagaType, String sagaIdentifier, Object saga, Set<AssociationValue> associationValues) {
        delegate.insertSaga(sagaType, sagaIdentifier, saga, associationValues);
    }

    @Override
    public void updateSaga(Class<?> sagaType, String sagaIdentifier, Object saga, AssociationValues associationValues) {
        delegate.updateSaga(sagaType, sagaIdentifier, saga, associationValues);
    }

    private Set<String> findAndFetch(String sagaTypeName, AssociationValue associationValue) {
        Set<String> sagaIds = new TreeSet<>();
        try (Connection connection = connectionProvider.getConnection();
             PreparedStatement query = connection.prepareStatement(findAndFetch)) {
            query.setString(1, associationValue.getKey());
            query.setString(2, associationValue.getValue());
            query.setString(3, sagaTypeName);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String sagaId = rows.getString(1);
                    sagaIds.add(sagaId);
                    SerializedObject<byte[]> saga = new SimpleSerializedObject<>(rows.getBytes(4), byte[].class,
                            rows.getString(2), rows.getString(3));
                    fetched().put(sagaId, new Fetched(saga, associations(rows.getArray(5), rows.getArray(6))));
                }
            }
        } catch (SQLException e) {
            throw new SagaStorageException("Exception while finding and reading sagas", e);
        }
        return sagaIds;
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

    private String sagaTypeName(Class<?> sagaType) {
        return serializer.typeForClass(sagaType).getName();
    }

    private static Map<Lookup, Set<String>> found() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(FOUND_RESOURCE, key -> new HashMap<>());
    }

    private static Map<String, Fetched> fetched() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(FETCHED_RESOURCE, key -> new HashMap<>());
    }

    private record Lookup(String sagaType, AssociationValue associationValue) {
    }

    private record Fetched(SerializedObject<byte[]> saga, Set<AssociationValue> associations) {
    }

    private record LoadedSaga<S>(S saga, Set<AssociationValue> associationValues) implements Entry<S> {
    }
}
