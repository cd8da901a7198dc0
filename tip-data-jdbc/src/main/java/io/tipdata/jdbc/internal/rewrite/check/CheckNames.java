package io.tipdata.jdbc.internal.rewrite.check;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import java.util.Locale;

/**
 * The check's own reading of identifiers (kept apart from the rewriter's on purpose): how the database
 * stores a name, and the policy of the table an unqualified name resolves to. A quoted name names a
 * declared table only if it is exactly what the declared name folds to; anything else is DENIED.
 */
final class CheckNames {

    static final String RUN_COLUMN = "tip_run";

    private final TablePolicies policies;
    private final Dialect dialect;
    private final String productionSchema;
    private final String productionCatalog;

    CheckNames(TablePolicies policies, Dialect dialect, String productionSchema, String productionCatalog) {
        this.policies = policies;
        this.dialect = dialect;
        this.productionSchema = productionSchema;
        this.productionCatalog = dialect == Dialect.MARIADB ? null : productionCatalog;
    }

    /**
     * Tells whether the table's qualifier is exactly the production schema, or the production catalog and schema,
     * as the database reads the parts (quoted literally, unquoted folded); no server, no link.
     */
    boolean isProductionQualified(net.sf.jsqlparser.schema.Table t) {
        java.util.List<String> parts = t.getNameParts();
        if (productionSchema == null || parts.size() < 2 || parts.size() > 3
                || parts.stream().anyMatch(p -> p == null || p.contains("@"))) {
            return false;
        }
        // the parser keeps the parts innermost first: name, schema, catalog
        if (parts.size() == 3 && (productionCatalog == null || !productionCatalog.equals(stored(parts.get(2))))) {
            return false;
        }
        return productionSchema.equals(stored(parts.get(1)));
    }

    Dialect dialect() {
        return dialect;
    }

    static String unquote(String raw) {
        if (raw.length() >= 2) {
            char c = raw.charAt(0);
            if (c == '"' || c == '`' || c == '[') {
                return raw.substring(1, raw.length() - 1);
            }
        }
        return raw;
    }

    static boolean isRunColumn(String raw) {
        return unquote(raw).equalsIgnoreCase(RUN_COLUMN);
    }

    /** The identifier as the database stores it (double quotes keep it literally, others fold or keep case). */
    String stored(String raw) {
        String bare = unquote(raw);
        if (raw.startsWith("\"") && bare.length() == raw.length() - 2) {
            return bare;
        }
        if (dialect == Dialect.H2) {
            return bare.toUpperCase(Locale.ROOT);
        }
        return dialect == Dialect.POSTGRESQL ? bare.toLowerCase(Locale.ROOT) : bare;
    }

    /** The policy of the table an unqualified name reads; names that are no plain declared identifier are DENIED. */
    TablePolicy policyOf(String raw) {
        String bare = unquote(raw);
        if (bare.isEmpty() || !(Character.isLetter(bare.charAt(0)) && bare.charAt(0) < 128 || bare.charAt(0) == '_')) {
            return TablePolicy.DENIED;
        }
        for (int i = 1; i < bare.length(); i++) {
            char c = bare.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '$'))) {
                return TablePolicy.DENIED;
            }
        }
        if (raw.startsWith("\"") && !bare.equals(stored(bare))) {
            return TablePolicy.DENIED;
        }
        return policies.policyOf(bare);
    }

    /** Tells whether the unqualified, unquoted name is the pseudo table DUAL (H2, MariaDB). */
    boolean isDual(String raw) {
        return dialect != Dialect.POSTGRESQL && raw.equalsIgnoreCase("dual");
    }
}
