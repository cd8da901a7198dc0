package io.tipdata.jdbc.internal.rewrite;

import static io.tipdata.jdbc.Dialect.H2;
import static io.tipdata.jdbc.Dialect.MARIADB;
import static io.tipdata.jdbc.Dialect.POSTGRESQL;
import static io.tipdata.jdbc.internal.rewrite.Policies.rewrite;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Quoted names of ISOLATED tables, in each dialect's style, are rewritten and pass the independent check: a
 * rejection there would be an isolation violation and engage the kill switch.
 */
class QuotedTableNamesTest {

    @Test
    void mariaDbBackQuotedTable() throws Exception {
        assertThat(rewrite(MARIADB, "SELECT `o`.id FROM `orders` `o` WHERE `o`.total > ?"))
                .isEqualTo("SELECT `o`.id FROM tip_shadow.`orders` `o` WHERE `o`.total > ? AND `o`.tip_run = 'run-42'");
        assertThat(rewrite(MARIADB, "UPDATE `orders` SET total = 0 WHERE id = ?"))
                .isEqualTo("UPDATE tip_shadow.`orders` `orders` SET total = 0 WHERE id = ? AND `orders`.tip_run = 'run-42'");
        assertThat(rewrite(MARIADB, "DELETE FROM `orders`"))
                .isEqualTo("DELETE FROM tip_shadow.`orders` WHERE tip_shadow.`orders`.tip_run = 'run-42'");
        assertThat(rewrite(MARIADB, "DELETE FROM `orders` WHERE id = ?"))
                .isEqualTo("DELETE FROM tip_shadow.`orders` WHERE id = ? AND tip_shadow.`orders`.tip_run = 'run-42'");
        assertThat(rewrite(MARIADB, "INSERT INTO `orders` (`id`, total) VALUES (?, 1)"))
                .isEqualTo("INSERT INTO tip_shadow.`orders` (`id`, total, tip_run) VALUES (?, 1, 'run-42')");
    }

    @Test
    void postgresqlDoubleQuotedTable() throws Exception {
        assertThat(rewrite(POSTGRESQL, "SELECT \"o\".id FROM \"orders\" \"o\""))
                .isEqualTo("SELECT \"o\".id FROM tip_shadow.\"orders\" \"o\" WHERE \"o\".tip_run = 'run-42'");
        assertThat(rewrite(POSTGRESQL, "UPDATE \"orders\" SET total = 0"))
                .isEqualTo("UPDATE tip_shadow.\"orders\" \"orders\" SET total = 0 WHERE \"orders\".tip_run = 'run-42'");
        assertThat(rewrite(POSTGRESQL, "DELETE FROM \"orders\" WHERE id = ?"))
                .isEqualTo("DELETE FROM tip_shadow.\"orders\" \"orders\" WHERE id = ? AND \"orders\".tip_run = 'run-42'");
        assertThat(rewrite(POSTGRESQL, "INSERT INTO \"orders\" (id) VALUES (?)"))
                .isEqualTo("INSERT INTO tip_shadow.\"orders\" (id, tip_run) VALUES (?, 'run-42')");
    }

    @Test
    void h2DoubleQuotedUpperCaseTable() throws Exception {
        assertThat(rewrite(H2, "SELECT \"O\".ID FROM \"ORDERS\" \"O\""))
                .isEqualTo("SELECT \"O\".ID FROM tip_shadow.\"ORDERS\" \"O\" WHERE \"O\".tip_run = 'run-42'");
        assertThat(rewrite(H2, "UPDATE \"ORDERS\" SET TOTAL = 0"))
                .isEqualTo("UPDATE tip_shadow.\"ORDERS\" \"ORDERS\" SET TOTAL = 0 WHERE \"ORDERS\".tip_run = 'run-42'");
        assertThat(rewrite(H2, "DELETE FROM \"ORDERS\""))
                .isEqualTo("DELETE FROM tip_shadow.\"ORDERS\" \"ORDERS\" WHERE \"ORDERS\".tip_run = 'run-42'");
        assertThat(rewrite(H2, "INSERT INTO \"ORDERS\" (ID) VALUES (?)"))
                .isEqualTo("INSERT INTO tip_shadow.\"ORDERS\" (ID, tip_run) VALUES (?, 'run-42')");
    }

    @Test
    void lockingClauseMayQuoteTheAliasAsTheDatabaseResolvesIt() throws Exception {
        assertThat(rewrite(POSTGRESQL, "SELECT o.id FROM orders o FOR UPDATE OF \"o\""))
                .isEqualTo("SELECT o.id FROM tip_shadow.orders o WHERE o.tip_run = 'run-42' FOR UPDATE OF \"o\"");
    }
}
