package io.orderflow.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A production service carries no embedded PostgreSQL: started without {@code orderflow.db.url}, it fails and says
 * what to set.
 */
class DatabasePropertiesTest {

    @Test
    void anEmptyUrlFailsWithWhatToSet() {
        assertThatThrownBy(() -> properties("  ").requiredUrl())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orderflow.db.url (ORDERFLOW_DB_URL) is not set");
        assertThatThrownBy(() -> properties(null).requiredUrl())
                .hasMessageContaining("ORDERFLOW_DB_URL");
        // the reactive pool may be created first; it says the same
        assertThatThrownBy(() -> properties(null).r2dbcUrl())
                .hasMessageContaining("orderflow.db.url (ORDERFLOW_DB_URL) is not set");
    }

    @Test
    void aConfiguredUrlIsUsedAsGiven() {
        assertThat(properties("jdbc:postgresql://db:5432/orders").requiredUrl()).isEqualTo("jdbc:postgresql://db:5432/orders");
        assertThat(properties("jdbc:postgresql://db:5432/orders").r2dbcUrl()).isEqualTo("r2dbc:postgresql://db:5432/orders");
    }

    private static DatabaseProperties properties(String url) {
        return new DatabaseProperties(url, "postgres", "", 20, 10, Duration.ofSeconds(5));
    }
}
