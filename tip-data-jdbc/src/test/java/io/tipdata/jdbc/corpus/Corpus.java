package io.tipdata.jdbc.corpus;

import io.tipdata.jdbc.Dialect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL corpus under {@code src/test/resources/corpus}: {@code common.sql} runs on every database,
 * {@code h2.sql}, {@code postgresql.sql} and {@code mariadb.sql} on one each. The {@code unseen-*.sql} files
 * follow the same split: more statements in the shapes applications send (ORMs, query builders, reports).
 *
 * <p>An entry starts with a header line {@code -- # <id> [ordered] [only=d1,d2] [params=v1|v2]}; the
 * statement is every line up to the next header, without trailing blank lines. A header is the only
 * separator, because statements contain {@code ;} in strings and comments.
 */
final class Corpus {

    private static final Pattern HEADER = Pattern.compile("^-- # (\\S+)(.*)$");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

    private Corpus() {
    }

    /** Every entry that runs on the dialect, common ones first. */
    static List<CorpusEntry> forDialect(Dialect dialect) {
        List<CorpusEntry> out = new ArrayList<>();
        for (CorpusEntry e : all()) {
            if (e.dialects().contains(dialect)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Every entry of every file; ids are unique. */
    static List<CorpusEntry> all() {
        List<CorpusEntry> out = new ArrayList<>();
        out.addAll(load("common.sql", EnumSet.allOf(Dialect.class)));
        out.addAll(load("h2.sql", EnumSet.of(Dialect.H2)));
        out.addAll(load("postgresql.sql", EnumSet.of(Dialect.POSTGRESQL)));
        out.addAll(load("mariadb.sql", EnumSet.of(Dialect.MARIADB)));
        out.addAll(load("unseen-common.sql", EnumSet.allOf(Dialect.class)));
        out.addAll(load("unseen-h2.sql", EnumSet.of(Dialect.H2)));
        out.addAll(load("unseen-postgresql.sql", EnumSet.of(Dialect.POSTGRESQL)));
        out.addAll(load("unseen-mariadb.sql", EnumSet.of(Dialect.MARIADB)));
        Set<String> ids = new HashSet<>();
        for (CorpusEntry e : out) {
            if (!ids.add(e.id())) {
                throw new IllegalStateException("corpus id " + e.id() + " is used twice");
            }
        }
        return out;
    }

    /** The text of a resource under {@code corpus/}. */
    static String resource(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource corpus/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CorpusEntry> load(String file, Set<Dialect> dialects) {
        List<CorpusEntry> out = new ArrayList<>();
        String id = null;
        String flags = "";
        StringBuilder sql = new StringBuilder();
        for (String line : resource(file).split("\n", -1)) {
            Matcher m = HEADER.matcher(line);
            if (m.matches()) {
                if (id != null) {
                    out.add(entry(file, id, flags, sql.toString(), dialects));
                }
                id = m.group(1);
                flags = m.group(2).trim();
                sql.setLength(0);
            } else if (id != null) {
                sql.append(line).append('\n');
            }
        }
        if (id != null) {
            out.add(entry(file, id, flags, sql.toString(), dialects));
        }
        return out;
    }

    private static CorpusEntry entry(String file, String id, String flags, String sql, Set<Dialect> fileDialects) {
        String text = sql.strip();
        if (text.isEmpty()) {
            throw new IllegalStateException(file + ": entry " + id + " has no statement");
        }
        boolean ordered = false;
        Set<Dialect> dialects = EnumSet.copyOf(fileDialects);
        List<Object> params = new ArrayList<>();
        String rest = flags;
        int p = rest.indexOf("params=");
        if (p >= 0) {
            for (String v : rest.substring(p + "params=".length()).split("\\|", -1)) {
                params.add(value(v));
            }
            rest = rest.substring(0, p);
        }
        for (String flag : rest.trim().split("\\s+")) {
            if (flag.isEmpty()) {
                continue;
            }
            if (flag.equals("ordered")) {
                ordered = true;
            } else if (flag.startsWith("only=")) {
                dialects = EnumSet.noneOf(Dialect.class);
                for (String d : flag.substring(5).split(",")) {
                    dialects.add(Dialect.valueOf(d.toUpperCase(Locale.ROOT)));
                }
            } else {
                throw new IllegalStateException(file + ": entry " + id + " has unknown flag '" + flag + "'");
            }
        }
        return new CorpusEntry(id, dialects, text, ordered, List.copyOf(params));
    }

    private static Object value(String v) {
        if (INTEGER.matcher(v).matches()) {
            return Integer.valueOf(v);
        }
        if (DECIMAL.matcher(v).matches()) {
            return new BigDecimal(v);
        }
        return v;
    }

    /** The statement without leading whitespace and comments. */
    static String stripLeadingComments(String sql) {
        String s = sql.strip();
        while (true) {
            if (s.startsWith("--")) {
                int nl = s.indexOf('\n');
                s = nl < 0 ? "" : s.substring(nl + 1).strip();
            } else if (s.startsWith("/*")) {
                int end = s.indexOf("*/");
                s = end < 0 ? "" : s.substring(end + 2).strip();
            } else {
                return s;
            }
        }
    }
}
