package io.tipdata.jdbc;

/**
 * One difference between a production table and its shadow twin, found by {@link ShadowSchema#check()}.
 *
 * @param table   the production table name as the database spells it
 * @param column  the column concerned, or {@code null} when the problem is about the whole table
 * @param problem what is wrong
 * @param fix     what to do about it
 */
public record SchemaProblem(String table, String column, String problem, String fix) {

    @Override
    public String toString() {
        return (column == null ? table : table + "." + column) + ": " + problem + "; " + fix;
    }
}
