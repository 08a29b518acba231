package io.orderflow.platform.db;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Whether a failure is the database's own: away, or refusing for a moment. Such a failure is retried, never blamed on the work. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * True when {@code failure} or one of its causes is a lost or refused connection, a transaction that could not
     * begin, or a state of class 08 (connection), 53 (resources), 57P (operator intervention), 40001 (serialization
     * failure) or 40P01 (deadlock).
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && isTransientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientState(String state) {
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("40001") || state.equals("40P01");
    }
}
