package io.tipdata.jdbc.internal.rewrite;

import io.tipdata.jdbc.Dialect;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/**
 * The functions a statement may call in test context: the dialect's allow-list of built-ins (the resource
 * {@code functions-<dialect>.txt} beside this class, by name and, where arguments change what a function
 * does, by argument count) plus the names the user declared with {@code allowFunction}. Shared data that the
 * rewriter and the independent check both consult, each for itself.
 */
public final class FunctionList {

    private static final Pattern LINE = Pattern.compile(
            "([a-z_][a-z0-9_]*)(?:\\((\\d+)(\\.\\.(\\d*))?\\))?(\\s+sequence)?");
    private static final Pattern DECLARED = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");
    private static final Map<Dialect, Map<String, int[]>> BUILT_INS = new EnumMap<>(Dialect.class);
    /**
     * Names each database reads without parentheses as a call of a function that shows the session's login, role,
     * schema, path or database; none is a column name there unless quoted.
     */
    private static final Map<Dialect, Set<String>> SESSION_WORDS = Map.of(
            Dialect.POSTGRESQL, Set.of("current_user", "session_user", "user", "current_role", "current_schema",
                    "current_catalog", "system_user"),
            Dialect.H2, Set.of("current_user", "session_user", "user", "current_role", "current_schema",
                    "current_catalog", "current_path", "system_user"),
            Dialect.MARIADB, Set.of("current_user", "current_role"));
    /** PostgreSQL's object identifier types, whose input looks a name up in the catalog. */
    private static final Set<String> PG_CATALOG_TYPES = Set.of("regclass", "regcollation", "regconfig",
            "regdictionary", "regnamespace", "regoper", "regoperator", "regproc", "regprocedure", "regrole", "regtype");
    /** A range's third element: 1 when the function's arguments name a sequence. */
    private static final int SEQUENCE = 2;

    private final Dialect dialect;
    private final Map<String, int[]> builtIns;
    private final Set<String> declared;
    private final AllowedSequences sequences;
    private final Set<String> rowTypes;
    private final String productionSchema;

    private FunctionList(Dialect dialect, Set<String> declared, AllowedSequences sequences, Set<String> rowTypes,
                         String productionSchema) {
        this.dialect = dialect;
        this.builtIns = builtIns(dialect);
        this.declared = declared;
        this.sequences = sequences;
        this.rowTypes = rowTypes;
        this.productionSchema = productionSchema;
    }

    /**
     * The dialect's built-ins plus the declared names (matched ignoring case; qualified only if declared so); no
     * sequence may be used.
     */
    public static FunctionList of(Dialect dialect, Set<String> declared) {
        return of(dialect, declared, AllowedSequences.none());
    }

    /** As {@link #of(Dialect, Set)}, the sequence functions drawing from or reading only the allowed sequences. */
    public static FunctionList of(Dialect dialect, Set<String> declared, AllowedSequences sequences) {
        return of(dialect, declared, sequences, Set.of(), null);
    }

    /**
     * As {@link #of(Dialect, Set, AllowedSequences)}; on PostgreSQL a cast to the row type of one of the
     * {@code rowTypes} (tables and views of the production schema, as stored) is refused too.
     */
    public static FunctionList of(Dialect dialect, Set<String> declared, AllowedSequences sequences,
                                  Set<String> rowTypes, String productionSchema) {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(sequences, "sequences");
        for (String d : declared) {
            checkDeclared(d);
        }
        return new FunctionList(dialect, Set.copyOf(declared.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()),
                sequences, Set.copyOf(rowTypes), productionSchema);
    }

    /** Throws naming the value if it is no function name {@code allowFunction} accepts. */
    public static void checkDeclared(String name) {
        if (name == null || !DECLARED.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid function name '" + name + "' for allowFunction: give a"
                    + " plain name such as my_func, or schema.my_func");
        }
    }

    /**
     * Why a call of the function (its name parts as written, quotes included) with that many arguments is
     * refused, or {@code null} if it is accepted.
     */
    public String refusal(List<String> nameParts, int arguments) {
        if (nameParts == null || nameParts.isEmpty() || nameParts.stream().anyMatch(Objects::isNull)) {
            return "a function call without a name is refused";
        }
        StringBuilder full = new StringBuilder();
        for (String part : nameParts) {
            String bare = bare(part);
            if (bare == null) {
                return "function " + String.join(".", nameParts) + " is quoted in another case than " + dialect
                        + " stores built-in names, so it names no built-in";
            }
            full.append(full.length() == 0 ? "" : ".").append(bare);
        }
        String name = full.toString();
        if (declared.contains(name)) {
            return null;
        }
        if (nameParts.size() > 1) {
            return "function " + String.join(".", nameParts) + " is qualified with a schema, so it is no built-in"
                    + " tip-data knows";
        }
        int[] range = builtIns.get(name);
        if (range == null) {
            return "function " + name + " is not on tip-data's list of " + dialect + " built-ins that have no"
                    + " effect beyond the statement (user-defined functions run with the caller's rights)";
        }
        if (arguments < range[0] || arguments > range[1]) {
            return "function " + name + " with " + arguments + " argument" + (arguments == 1 ? "" : "s")
                    + " is refused (only " + describe(range) + " is free of effects beyond the statement)";
        }
        return null;
    }

    /**
     * Why a call of the function with these arguments is refused for the sequence it names, or {@code null} if the
     * function names no sequence or names one the statement may use. A sequence function's sequence must be named
     * by a literal (a string on PostgreSQL and H2, a name on MariaDB) and be one of the allowed sequences, whether
     * or not the function itself was declared.
     */
    public String sequenceRefusal(List<String> nameParts, List<?> arguments) {
        if (nameParts == null || nameParts.size() != 1 || nameParts.get(0) == null) {
            return null;
        }
        String name = bare(nameParts.get(0));
        int[] range = name == null ? null : builtIns.get(name);
        if (range == null || range[SEQUENCE] == 0) {
            return null;
        }
        List<?> args = arguments == null ? List.of() : arguments;
        String[] target = switch (dialect) {
            case POSTGRESQL -> args.size() == 1 ? postgresName(regclassText(args.get(0))) : null;
            case H2 -> h2Name(args);
            case MARIADB -> args.size() == 1 && args.get(0) instanceof Column c ? mariaDbName(c) : null;
        };
        if (target == null) {
            return "function " + name + " names its sequence in a form tip-data does not read ("
                    + args.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                    + "); name the sequence " + (dialect == Dialect.MARIADB ? "as a plain name, nextval(orders_seq)"
                    : "in one string literal, nextval('orders_seq')");
        }
        return sequenceRefusal(target);
    }

    /** Why {@code NEXT VALUE FOR} the sequence is refused, or {@code null}. */
    public String sequenceRefusal(NextValExpression next) {
        List<String> parts = next.getNameList();
        if (parts == null || parts.isEmpty() || parts.size() > 2 || parts.stream().anyMatch(Objects::isNull)) {
            return "NEXT VALUE FOR " + next.getName() + " names no sequence tip-data can tell";
        }
        String[] target = new String[2];
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            target[parts.size() == 1 ? 1 : i] = part.length() >= 2 && (part.charAt(0) == '"' || part.charAt(0) == '`')
                    ? part.substring(1, part.length() - 1) : AllowedSequences.fold(dialect, part);
        }
        return sequenceRefusal(target);
    }

    private String sequenceRefusal(String[] schemaAndName) {
        if (sequences.allows(schemaAndName[0], schemaAndName[1])) {
            return null;
        }
        String shown = schemaAndName[0] == null ? schemaAndName[1] : schemaAndName[0] + "." + schemaAndName[1];
        return "sequence " + shown + " is not one test traffic may use: tip-data allows the sequences the columns of"
                + " ISOLATED tables draw their ids from, and those declared with"
                + " TipDataSource.builder(...).allowSequence(\"" + shown + "\")";
    }

    /** PostgreSQL: the text of a plain string literal; {@code null} for anything else. */
    private static String regclassText(Object arg) {
        if (arg instanceof StringValue sv && (sv.getPrefix() == null || sv.getPrefix().isEmpty())) {
            return sv.getValue().replace("''", "'");
        }
        return null;
    }

    /**
     * PostgreSQL: schema (or {@code null}) and name as {@code regclass} reads the text (unquoted parts folded to
     * lower case, {@code ""} in a quoted part), or {@code null} for anything else, spaces included.
     */
    static String[] postgresName(String text) {
        if (text == null) {
            return null;
        }
        List<String> parts = new java.util.ArrayList<>();
        int i = 0;
        while (true) {
            if (i >= text.length()) {
                return null;
            }
            StringBuilder part = new StringBuilder();
            if (text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        return null;
                    }
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            part.append('"');
                            i++;
                            continue;
                        }
                        break;
                    }
                    part.append(c);
                }
                if (part.length() == 0) {
                    return null;
                }
            } else {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) && text.charAt(i) < 128
                        || text.charAt(i) == '_' || text.charAt(i) == '$')) {
                    i++;
                }
                if (i == start || Character.isDigit(text.charAt(start)) || text.charAt(start) == '$') {
                    return null;
                }
                part.append(text.substring(start, i).toLowerCase(Locale.ROOT));
            }
            parts.add(part.toString());
            if (i == text.length()) {
                break;
            }
            if (text.charAt(i++) != '.' || parts.size() == 2) {
                return null;
            }
        }
        return parts.size() == 1 ? new String[] {null, parts.get(0)} : new String[] {parts.get(0), parts.get(1)};
    }

    /**
     * H2: {@code nextval('seq')}, {@code nextval('schema.seq')} or {@code nextval('schema', 'seq')}, each name
     * resolved as H2 does (as written if such a sequence exists, else in upper case); {@code null} otherwise.
     */
    private String[] h2Name(List<?> args) {
        List<String> texts = new java.util.ArrayList<>();
        for (Object a : args) {
            if (!(a instanceof StringValue sv) || sv.getPrefix() != null && !sv.getPrefix().isEmpty()) {
                return null;
            }
            String v = sv.getValue().replace("''", "'");
            if (v.isEmpty() || v.indexOf('"') >= 0 || v.chars().anyMatch(Character::isWhitespace)) {
                return null;
            }
            texts.add(v);
        }
        if (texts.size() == 1 && texts.get(0).indexOf('.') >= 0) {
            String t = texts.get(0);
            texts = List.of(t.substring(0, t.indexOf('.')), t.substring(t.indexOf('.') + 1));
        }
        if (texts.isEmpty() || texts.size() > 2 || texts.stream().anyMatch(t -> t.isEmpty() || t.indexOf('.') >= 0)) {
            return null;
        }
        String name = sequences.h2Resolve(texts.get(texts.size() - 1));
        if (name == null) {
            return new String[] {null, texts.get(texts.size() - 1)};
        }
        return new String[] {texts.size() == 2 ? texts.get(0).toUpperCase(Locale.ROOT) : null, name};
    }

    /** MariaDB: {@code nextval(seq)} or {@code nextval(db.seq)}, backticks taken off; {@code null} otherwise. */
    private static String[] mariaDbName(Column c) {
        String name = unquoteMariaDb(c.getColumnName());
        Table t = c.getTable();
        if (name == null || c.getArrayConstructor() != null) {
            return null;
        }
        if (t == null || t.getName() == null) {
            return new String[] {null, name};
        }
        if (t.getSchemaName() != null || t.getDatabaseName() != null) {
            return null;
        }
        String schema = unquoteMariaDb(t.getName());
        return schema == null ? null : new String[] {schema, name};
    }

    private static String unquoteMariaDb(String part) {
        if (part == null || part.isEmpty()) {
            return null;
        }
        if (part.charAt(0) == '`') {
            return part.length() > 2 && part.endsWith("`") ? part.substring(1, part.length() - 1).replace("``", "`")
                    : null;
        }
        return part.charAt(0) == '"' ? null : part;
    }

    /**
     * Why an unqualified, unquoted name the parser read as a column is refused because the database reads it as a
     * call of a session function without parentheses ({@code current_user}, {@code current_schema}, ...: the
     * login, role, schema or database of the session, which test statements have no need to see), or
     * {@code null}.
     */
    public String bareWordRefusal(Column c) {
        String name = c.getColumnName();
        if (name == null || c.getTable() != null && c.getTable().getName() != null
                || !SESSION_WORDS.get(dialect).contains(name.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return name + " is read by " + dialect + " as a call of a session function (the session's login, role,"
                + " schema or database), which test statements may not make; if it names a column, quote it or"
                + " qualify it with its table";
    }

    /**
     * Why a type named in a cast (or a column definition list) is refused, or {@code null}: PostgreSQL's object
     * identifier types ({@code regclass}, {@code regproc}, {@code regrole}, ...) look their text up in the catalog,
     * so a cast to one shows which tables, functions, roles or schemas exist, beyond the run.
     */
    public String typeRefusal(ColDataType type) {
        if (dialect != Dialect.POSTGRESQL || type == null || type.getDataType() == null) {
            return null;
        }
        String[] name = postgresName(type.getDataType().strip());
        if (name == null) {
            // a built-in type of several words (double precision, timestamp with time zone, ...), never a row type
            return null;
        }
        if (name[0] != null && !name[0].equals("pg_catalog") && !name[0].equals(productionSchema)) {
            return "a cast to " + type.getDataType() + ", a type of another schema than the production one, is refused"
                    + " in test context";
        }
        if (PG_CATALOG_TYPES.contains(name[1]) && (name[0] == null || name[0].equals("pg_catalog"))) {
            return "a cast to " + type.getDataType() + " looks its text up in PostgreSQL's catalog (which tables,"
                    + " functions, roles or schemas exist), beyond what test traffic may see; compare names as text"
                    + " instead";
        }
        if (!"pg_catalog".equals(name[0]) && rowTypes.contains(name[1])) {
            return "a cast to " + type.getDataType() + ", the row type of table or view " + name[1] + ", shows that"
                    + " relation's columns, beyond what test traffic may see; it is refused in test context";
        }
        return null;
    }

    /** The lower-case name of a part, or {@code null} for a quoted part that no built-in name can match. */
    private String bare(String part) {
        if (part.length() >= 2 && (part.charAt(0) == '"' || part.charAt(0) == '`')) {
            String inner = part.substring(1, part.length() - 1);
            boolean literalCase = part.charAt(0) == '"';
            if (literalCase && dialect == Dialect.POSTGRESQL && !inner.equals(inner.toLowerCase(Locale.ROOT))
                    || literalCase && dialect == Dialect.H2 && !inner.equals(inner.toUpperCase(Locale.ROOT))) {
                return null;
            }
            return inner.toLowerCase(Locale.ROOT);
        }
        return part.toLowerCase(Locale.ROOT);
    }

    private static String describe(int[] range) {
        if (range[0] == range[1]) {
            return "the form with " + range[0] + " argument" + (range[0] == 1 ? "" : "s");
        }
        return range[1] == Integer.MAX_VALUE ? "the forms with " + range[0] + " or more arguments"
                : "the forms with " + range[0] + " to " + range[1] + " arguments";
    }

    private static synchronized Map<String, int[]> builtIns(Dialect dialect) {
        return BUILT_INS.computeIfAbsent(dialect, FunctionList::load);
    }

    private static Map<String, int[]> load(Dialect dialect) {
        String resource = "functions-" + dialect.name().toLowerCase(Locale.ROOT) + ".txt";
        Map<String, int[]> out = new HashMap<>();
        try (InputStream in = FunctionList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("tip-data's function list " + resource + " is missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                Matcher m = LINE.matcher(t);
                if (!m.matches() || out.containsKey(m.group(1))) {
                    throw new IllegalStateException(resource + " line " + n + " is malformed or repeated: " + t);
                }
                int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                int max = m.group(2) == null ? Integer.MAX_VALUE : m.group(3) == null ? min
                        : m.group(4).isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(m.group(4));
                out.put(m.group(1), new int[] {min, max, m.group(5) == null ? 0 : 1});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }
}
