package io.tipdata.jdbc.internal;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.RowSetMetaData;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetMetaDataImpl;
import javax.sql.rowset.RowSetProvider;

/**
 * Generated keys of a test connection without the twin's {@code tip_run} column. PostgreSQL's driver asks for
 * {@code RETURNING *} when a statement wants its generated keys, which on a twin includes {@code tip_run}; the
 * keys are then copied, without that column, into a disconnected row set (keys are a few rows). Keys that do
 * not show the column are handed back as they are.
 */
final class GeneratedKeys {

    static final String RUN_COLUMN = "tip_run";

    private GeneratedKeys() {
    }

    /** The keys, without a {@code tip_run} column. */
    static ResultSet withoutRunColumn(ResultSet keys) throws SQLException {
        if (keys == null) {
            return null;
        }
        ResultSetMetaData md = keys.getMetaData();
        List<Integer> kept = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            if (!RUN_COLUMN.equalsIgnoreCase(md.getColumnLabel(i)) && !RUN_COLUMN.equalsIgnoreCase(md.getColumnName(i))) {
                kept.add(i);
            }
        }
        if (kept.size() == md.getColumnCount()) {
            return keys;
        }
        try (ResultSet source = keys) {
            return copy(source, md, kept);
        }
    }

    private static ResultSet copy(ResultSet keys, ResultSetMetaData md, List<Integer> kept) throws SQLException {
        RowSetMetaData meta = new RowSetMetaDataImpl();
        meta.setColumnCount(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            int from = kept.get(i);
            meta.setColumnName(i + 1, md.getColumnName(from));
            meta.setColumnLabel(i + 1, md.getColumnLabel(from));
            meta.setColumnType(i + 1, md.getColumnType(from));
            meta.setColumnTypeName(i + 1, md.getColumnTypeName(from));
            meta.setNullable(i + 1, md.isNullable(from));
        }
        CachedRowSet rows = RowSetProvider.newFactory().createCachedRowSet();
        rows.setMetaData(meta);
        while (keys.next()) {
            rows.moveToInsertRow();
            for (int i = 0; i < kept.size(); i++) {
                rows.updateObject(i + 1, keys.getObject(kept.get(i)));
            }
            rows.insertRow();
            rows.moveToCurrentRow();
        }
        rows.beforeFirst();
        return rows;
    }
}
