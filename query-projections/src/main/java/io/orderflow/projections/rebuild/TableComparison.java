package io.orderflow.projections.rebuild;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.contracts.operations.RowDifferenceView;
import io.orderflow.contracts.operations.VerificationView;
import io.orderflow.projections.readmodel.Generation;
import io.orderflow.projections.readmodel.ReadModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Compares two generations of a read model row by row, table by table: every row of either, matched by
 * primary key, compared as a whole ({@code to_jsonb}, so a column that only one of them has counts as a
 * difference too). Answers the number of rows compared, the number that differ and the first of them.
 */
final class TableComparison {

    static final int SHOWN_DIFFERENCES = 50;
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    TableComparison(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    VerificationView compare(ReadModel readModel, Generation live, Generation rebuilt) {
        long compared = 0;
        long different = 0;
        List<RowDifferenceView> shown = new ArrayList<>();
        for (ReadModel.Table table : readModel.tables()) {
            String join = " FROM " + live.table(table.name()) + " l FULL OUTER JOIN " + rebuilt.table(table.name())
                    + " r USING (" + String.join(", ", table.key()) + ")";
            Map<String, Object> counts = jdbc.queryForMap("SELECT count(*) AS compared,"
                    + " count(*) FILTER (WHERE to_jsonb(l.*) IS DISTINCT FROM to_jsonb(r.*)) AS different" + join);
            compared += ((Number) counts.get("compared")).longValue();
            different += ((Number) counts.get("different")).longValue();
            int room = SHOWN_DIFFERENCES - shown.size();
            if (room > 0 && ((Number) counts.get("different")).longValue() > 0) {
                String firstKey = table.key().get(0);
                String order = table.key().stream().map(column -> "coalesce(l." + column + ", r." + column + ")")
                        .collect(Collectors.joining(", "));
                jdbc.query("SELECT CASE WHEN l." + firstKey + " IS NULL THEN NULL ELSE to_jsonb(l.*)::text END AS live,"
                                + " CASE WHEN r." + firstKey + " IS NULL THEN NULL ELSE to_jsonb(r.*)::text END AS rebuilt"
                                + join + " WHERE to_jsonb(l.*) IS DISTINCT FROM to_jsonb(r.*) ORDER BY " + order
                                + " LIMIT " + room,
                        (resultSet, index) -> difference(table, resultSet.getString("live"), resultSet.getString("rebuilt")))
                        .forEach(shown::add);
            }
        }
        return new VerificationView(compared, different, shown);
    }

    private RowDifferenceView difference(ReadModel.Table table, String liveJson, String rebuiltJson) {
        Map<String, Object> live = parse(liveJson);
        Map<String, Object> rebuilt = parse(rebuiltJson);
        Map<String, Object> either = live != null ? live : rebuilt;
        Map<String, Object> key = new LinkedHashMap<>();
        table.key().forEach(column -> key.put(column, either.get(column)));
        Set<String> columns = new LinkedHashSet<>();
        if (live != null && rebuilt != null) {
            columns.addAll(live.keySet());
            columns.addAll(rebuilt.keySet());
            columns.removeIf(column -> Objects.equals(live.get(column), rebuilt.get(column)));
        } else {
            columns.addAll(either.keySet());
        }
        return new RowDifferenceView(table.name(), key, List.copyOf(columns), live, rebuilt);
    }

    private Map<String, Object> parse(String row) {
        if (row == null) {
            return null;
        }
        try {
            return json.readValue(row, ROW);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL answered a row that is not JSON: " + row, e);
        }
    }
}
