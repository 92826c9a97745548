package io.salesops.ingest;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads Parquet back through DuckDB in tests: each row as its values joined by "|". */
public final class DuckDbRows {
    private DuckDbRows() {
    }

    public static List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (var connection = DriverManager.getConnection("jdbc:duckdb:");
             var rs = connection.createStatement().executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
