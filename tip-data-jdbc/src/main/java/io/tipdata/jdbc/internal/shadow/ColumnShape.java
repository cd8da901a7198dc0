package io.tipdata.jdbc.internal.shadow;

import java.sql.Types;
import java.util.Objects;

/** One column as the driver's metadata describes it. */
record ColumnShape(String name, String typeName, int dataType, int size, int digits, boolean nullable,
                   String defaultValue, boolean autoIncrement) {

    /**
     * Tells whether the other column has the same type (name, length, precision and scale). PostgreSQL's
     * driver names an integer column with a {@code nextval} default {@code serial}, so a twin drawing from the
     * production identity's sequence has the type of the production column.
     */
    boolean sameType(ColumnShape other) {
        return baseType(typeName).equalsIgnoreCase(baseType(other.typeName)) && size == other.size
                && digits == other.digits;
    }

    private static String baseType(String type) {
        return switch (type.toLowerCase(java.util.Locale.ROOT)) {
            case "bigserial" -> "int8";
            case "serial" -> "int4";
            case "smallserial" -> "int2";
            default -> type;
        };
    }

    /**
     * Tells whether the other column has the same default; auto-increment defaults are not compared, and an
     * explicit {@code NULL} default (as MariaDB reports it) equals no default.
     */
    boolean sameDefault(ColumnShape other) {
        return autoIncrement || other.autoIncrement || Objects.equals(effectiveDefault(), other.effectiveDefault());
    }

    private String effectiveDefault() {
        return defaultValue == null || defaultValue.strip().equalsIgnoreCase("NULL") ? null : defaultValue.strip();
    }

    /** The type as a reader expects it, such as {@code varchar(100)} or {@code numeric(10,2)}. */
    String typeText() {
        return switch (dataType) {
            case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.BINARY, Types.VARBINARY ->
                    typeName + "(" + size + ")";
            case Types.NUMERIC, Types.DECIMAL -> typeName + "(" + size + "," + digits + ")";
            default -> typeName + " (size " + size + (digits == 0 ? "" : ", digits " + digits) + ")";
        };
    }
}
