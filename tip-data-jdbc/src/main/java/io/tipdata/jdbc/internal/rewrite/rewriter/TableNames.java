package io.tipdata.jdbc.internal.rewrite.rewriter;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import java.util.Locale;
import java.util.regex.Pattern;
import net.sf.jsqlparser.schema.Table;

/**
 * How the database reads a table name: quoting, case folding, and the policy of the table it names.
 *
 * <p>Unquoted names fold as the dialect folds them (H2 upper, PostgreSQL lower, MariaDB as written).
 * A quoted name is taken literally: it names a declared table only if it is exactly what the unquoted
 * declared name folds to (in PostgreSQL {@code "orders"} names {@code orders}, {@code "Orders"} does
 * not). MariaDB back-quotes only protect the name; its case is kept as for unquoted names.
 */
public final class TableNames {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private final TablePolicies policies;
    private final Dialect dialect;
    private final String productionSchema;
    private final String productionCatalog;

    /** Names for the policies and dialect, knowing no production schema (every qualified name is refused). */
    public TableNames(TablePolicies policies, Dialect dialect) {
        this(policies, dialect, null, null);
    }

    /**
     * Names for the policies and dialect; a table qualified with the production schema (as the database stores its
     * name), and on PostgreSQL and H2 also with the production catalog, names the declared table.
     */
    public TableNames(TablePolicies policies, Dialect dialect, String productionSchema, String productionCatalog) {
        this.policies = policies;
        this.dialect = dialect;
        this.productionSchema = productionSchema;
        this.productionCatalog = dialect == Dialect.MARIADB ? null : productionCatalog;
    }

    /**
     * Tells whether the table is qualified exactly with the production schema (and, if it names one, the production
     * catalog), as the database resolves the qualifier: quoted parts literally, unquoted ones folded.
     */
    boolean isProductionQualified(Table t) {
        if (productionSchema == null || t.getSchemaName() == null || t.getNameParts().size() > 3
                || t.getDatabase() != null && t.getDatabase().getServer() != null) {
            return false;
        }
        String db = t.getDatabase() == null ? null : t.getDatabase().getDatabaseName();
        if (db != null && (productionCatalog == null || !productionCatalog.equals(stored(db)))) {
            return false;
        }
        return productionSchema.equals(stored(t.getSchemaName()));
    }

    /** The production schema as stored, or {@code null} when none is known. */
    String productionSchema() {
        return productionSchema;
    }

    public Dialect dialect() {
        return dialect;
    }

    static boolean isQuoted(String raw) {
        return raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '`' || raw.charAt(0) == '[');
    }

    static String unquote(String raw) {
        return isQuoted(raw) ? raw.substring(1, raw.length() - 1) : raw;
    }

    /** The identifier as the database stores it. */
    String stored(String raw) {
        if (isQuoted(raw) && raw.charAt(0) == '"') {
            return unquote(raw);
        }
        String name = unquote(raw);
        return switch (dialect) {
            case H2 -> name.toUpperCase(Locale.ROOT);
            case POSTGRESQL -> name.toLowerCase(Locale.ROOT);
            case MARIADB -> name;
        };
    }

    /** The policy of the table the (unqualified) name refers to; a quoted name of no declared table is DENIED. */
    TablePolicy policyOf(String raw) {
        String literal = unquote(raw);
        if (!PLAIN.matcher(literal).matches()) {
            return TablePolicy.DENIED;
        }
        if (isQuoted(raw) && raw.charAt(0) == '"' && !literal.equals(stored(literal))) {
            return TablePolicy.DENIED;
        }
        return policies.policyOf(literal);
    }

    /** Why a table of that name is refused, with what to do. */
    String deniedReason(String raw) {
        String literal = unquote(raw);
        if (isQuoted(raw) && raw.charAt(0) == '"' && PLAIN.matcher(literal).matches()
                && !literal.equals(stored(literal)) && policies.policyOf(literal) != TablePolicy.DENIED) {
            return "table " + raw + " is quoted, so " + dialect + " reads it as '" + literal
                    + "', which is not the declared table '" + stored(literal)
                    + "'; write the name unquoted or quote it exactly as the database stores it";
        }
        if (policies.exactNames().containsKey(literal.toLowerCase(Locale.ROOT))) {
            return "table '" + literal + "' is declared DENIED: test traffic may not touch it";
        }
        return "table '" + literal + "' is not declared; declare it ISOLATED, REFERENCE or DENIED";
    }

    /** The identifier, as the database stores it, quoted in the dialect's style. */
    String quote(String stored) {
        return dialect == Dialect.MARIADB ? "`" + stored.replace("`", "``") + "`"
                : "\"" + stored.replace("\"", "\"\"") + "\"";
    }

    /** Tells whether the unqualified name is the pseudo table {@code DUAL} of H2 and MariaDB. */
    boolean isDual(String raw) {
        return dialect != Dialect.POSTGRESQL && !isQuoted(raw) && raw.equalsIgnoreCase("dual");
    }
}
