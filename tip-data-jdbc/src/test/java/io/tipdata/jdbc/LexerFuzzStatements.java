package io.tipdata.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates statements for {@link LexerFuzzContract}: a query of string literals over {@code orders}, each
 * literal on its own line, with quotes of every kind the dialect knows (and some it does not), comments of
 * every form inside and around them, {@code $} and {@code #} in names and literals, optimizer hints, nested
 * comments and separators. Deterministic for a seed.
 */
final class LexerFuzzStatements {

    private static final String[] CONTENT = {"a", "Z", "0", " ", "$", "$$", "#", "--", "-- ", "/*", "*/", ";", "?",
        "\u00e9", "\n", "\\\\", "\\", "'", "''", "\"", "\"\"", "`", "x$y", "/*!", "//"};

    private final Dialect dialect;
    private final Random rnd;

    LexerFuzzStatements(Dialect dialect, long seed) {
        this.dialect = dialect;
        this.rnd = new Random(seed);
    }

    String next() {
        StringBuilder b = new StringBuilder("SELECT").append(noise(true));
        int items = 1 + rnd.nextInt(4);
        for (int k = 1; k <= items; k++) {
            if (k > 1) {
                b.append("\n,");
            }
            b.append(noise(false)).append(literal()).append(noise(false)).append(" AS ").append(alias(k));
            if (rnd.nextInt(6) == 0) {
                b.append(noise(false));
            }
        }
        b.append("\nFROM orders").append(noise(false)).append(" o WHERE o.amount >= 0");
        switch (rnd.nextInt(10)) {
            case 0 -> b.append(";");
            case 1 -> b.append(" ;").append(noise(false));
            case 2 -> b.append("; SELECT 'x' FROM orders");
            case 3 -> b.append(noise(false));
            default -> { }
        }
        return b.toString();
    }

    private String literal() {
        List<String> kinds = new ArrayList<>(List.of("std", "std", "std", "N", "pair"));
        switch (dialect) {
            case POSTGRESQL -> kinds.addAll(List.of("E", "E", "dollar", "tagged", "U&"));
            case MARIADB -> kinds.addAll(List.of("std", "std", "std", "dq", "dq", "dollar", "q"));
            case H2 -> kinds.addAll(List.of("dollar", "U&"));
        }
        String kind = kinds.get(rnd.nextInt(kinds.size()));
        return switch (kind) {
            case "N" -> "N" + quoted('\'');
            case "E" -> (rnd.nextBoolean() ? "E" : "e") + quoted('\'');
            case "U&" -> "U&" + quoted('\'') + (rnd.nextInt(5) == 0 ? " UESCAPE '!'" : "");
            case "dq" -> quoted('"');
            case "dollar" -> "$$" + content().replace("$$", "") + "$$";
            case "tagged" -> "$t$" + content() + "$t$";
            case "q" -> "q'[" + content() + "]'";
            case "pair" -> quoted('\'') + (rnd.nextBoolean() ? "\n" : " ") + quoted('\'');
            default -> quoted('\'');
        };
    }

    /** A quoted literal whose content mostly doubles the quote, sometimes not. */
    private String quoted(char quote) {
        String c = content();
        if (rnd.nextInt(4) != 0) {
            c = c.replace(String.valueOf(quote), String.valueOf(quote) + quote).replace("\\", "\\\\");
        }
        return quote + c + quote;
    }

    private String content() {
        StringBuilder b = new StringBuilder();
        int n = rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            b.append(CONTENT[rnd.nextInt(CONTENT.length)]);
        }
        return b.toString();
    }

    private String alias(int k) {
        return switch (rnd.nextInt(10)) {
            case 0 -> "c$" + k;
            case 1 -> "$c" + k;
            case 2 -> "c#" + k;
            case 3 -> dialect == Dialect.MARIADB ? "`c#" + k + "`" : "\"c#" + k + "\"";
            case 4 -> dialect == Dialect.MARIADB ? "`c$" + k + "`" : "\"c$" + k + "\"";
            case 5 -> "c" + k + "$";
            default -> "c" + k;
        };
    }

    /** Usually nothing; otherwise a comment, hint, separator or line break of some form. */
    private String noise(boolean afterKeyword) {
        if (rnd.nextInt(afterKeyword ? 2 : 3) != 0) {
            return " ";
        }
        String[] forms = {" /* c */ ", " /* a /* b */ c */ ", " -- c\n", "--c\n", " # c\n", " // c\n", " /*! 1 */ ",
            " /*M! 1 */ ", " /*!50000 1 */ ", " /*+ hint */ ", "/**/", " /* ' */ ", " -- ' \n", " /* $$ */ ",
            " /* \" */ ", "\n", " ;", " /* ; */ "};
        return forms[rnd.nextInt(forms.length)];
    }
}
