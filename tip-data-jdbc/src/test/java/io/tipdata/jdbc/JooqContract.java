package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.core.KillSwitch;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.jdbc.jooq.TipJooq;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.CommonTableExpression;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * jOOQ with the names code generation produces (schema-qualified, quoted, as the database spells them) over a
 * TipDataSource with {@link TipJooq#settings()}, in production and in a test run, asserted on the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JooqContract {

    static final TestRun RUN = TestRun.of("jooq-a", Instant.now(), Instant.now().plus(1, ChronoUnit.HOURS));

    TestDatabase db;
    TipDataSource tip;
    DSLContext ctx;
    Table<Record> orders;
    Field<Long> id;
    Field<String> customer;
    Field<Integer> amount;
    Table<Record> items;
    Field<Long> orderId;
    Field<String> sku;
    Field<Integer> qty;

    abstract TestDatabase newDatabase();

    abstract SQLDialect dialect();

    /** Whether jOOQ's RETURNING works in test context (on H2 it is {@code select ... from final table (insert ...)}). */
    boolean returningInRun() {
        return true;
    }

    /** The jOOQ settings: {@link TipJooq#settings()}, which render names unqualified and unquoted. */
    Settings settings() {
        return TipJooq.settings();
    }

    @BeforeAll
    void open() throws SQLException {
        db = newDatabase();
        db.open();
        db.createTables();
        tip = TipDataSource.wrap(db.raw).policies(db.policies()).shadowSchema(db.shadow)
                .killSwitch(KillSwitch.create()).build();
        ctx = DSL.using(tip, dialect(), settings());
        // as jOOQ's code generator names them: qualified with the production schema, quoted
        String schema = db.productionSchema();
        orders = DSL.table(DSL.name(schema, db.spell("orders")));
        id = DSL.field(DSL.name(schema, db.spell("orders"), db.spell("id")), SQLDataType.BIGINT.identity(true));
        customer = DSL.field(DSL.name(schema, db.spell("orders"), db.spell("customer")), SQLDataType.VARCHAR(50));
        amount = DSL.field(DSL.name(schema, db.spell("orders"), db.spell("amount")), SQLDataType.INTEGER);
        items = DSL.table(DSL.name(schema, db.spell("order_items")));
        orderId = DSL.field(DSL.name(schema, db.spell("order_items"), db.spell("order_id")), SQLDataType.BIGINT);
        sku = DSL.field(DSL.name(schema, db.spell("order_items"), db.spell("sku")), SQLDataType.VARCHAR(20));
        qty = DSL.field(DSL.name(schema, db.spell("order_items"), db.spell("qty")), SQLDataType.INTEGER);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @BeforeEach
    void reset() throws SQLException {
        db.reset();
    }

    /** Inserts, reads, upserts, batches, pages, locks, CTEs and transactions in the context current now. */
    List<String> work(String who) {
        Long newId;
        if (TipContext.isTest() && !returningInRun()) {
            ctx.insertInto(orders, customer, amount).values(who, 10).execute();
            newId = ctx.select(DSL.max(id)).from(orders).fetchOne().value1();
        } else {
            newId = ctx.insertInto(orders, customer, amount).values(who, 10).returningResult(id).fetchOne().value1();
        }
        ctx.insertInto(items, orderId, sku, qty).values(newId, "pen", 1).execute();
        ctx.insertInto(items, orderId, sku, qty).values(newId, "pen", 5).onConflict(orderId, sku).doUpdate().set(qty, 5).execute();
        ctx.batch(ctx.insertInto(items, orderId, sku, qty).values(newId, "ink", 1),
                ctx.insertInto(items, orderId, sku, qty).values(newId, "cap", 1)).execute();
        ctx.update(orders).set(amount, amount.plus(1)).where(id.eq(newId)).execute();
        ctx.transaction(cfg -> DSL.using(cfg).delete(items).where(sku.eq("cap")).execute());
        try (Cursor<Record1<String>> lazy = ctx.select(sku).from(items).where(orderId.eq(newId)).orderBy(sku)
                .fetchLazy()) {
            assertThat(lazy.fetch().getValues(sku)).containsExactly("ink", "pen");
        }
        assertThat(ctx.select(customer).from(orders).orderBy(id).limit(1).offset(0).forUpdate().fetch(customer))
                .containsExactly(who);
        CommonTableExpression<Record1<Integer>> totals = DSL.name("totals").fields("total")
                .as(DSL.select(DSL.sum(qty).cast(SQLDataType.INTEGER)).from(items));
        assertThat(ctx.with(totals).select(totals.field(0, Integer.class)).from(totals).fetchOne().value1()).isEqualTo(6);
        return ctx.select(customer, amount, sku, qty).from(orders).join(items).on(orderId.eq(id)).orderBy(sku)
                .fetch(r -> r.value1() + "|" + r.value2() + "|" + r.value3() + "|" + r.value4());
    }

    @Test
    void codeGeneratedNamesWorkInProductionAndInARun() throws SQLException {
        assertThat(work("prod")).containsExactly("prod|11|ink|1", "prod|11|pen|5");
        try (TipContext.Scope ignored = TipContext.bind(RUN)) {
            assertThat(work("test")).containsExactly("test|11|ink|1", "test|11|pen|5");
        }
        assertThat(db.rows("SELECT customer, amount FROM orders")).containsExactly("prod|11");
        assertThat(db.rows("SELECT customer, amount, tip_run FROM " + db.shadow + ".orders"))
                .containsExactly("test|11|jooq-a");
        assertThat(db.count("SELECT * FROM order_items")).isEqualTo(2);
        assertThat(db.count("SELECT * FROM " + db.shadow + ".order_items WHERE tip_run = 'jooq-a'")).isEqualTo(2);
    }

    @Test
    void aRunDrawsFromADeclaredSequenceAsJooqRendersItAndFromNoOther() throws SQLException {
        db.exec("CREATE SEQUENCE IF NOT EXISTS jooq_gen_seq");
        db.exec("CREATE SEQUENCE IF NOT EXISTS jooq_other_seq");
        tip.allowSequences(List.of("jooq_gen_seq"));
        org.jooq.Sequence<Long> gen = DSL.sequence(DSL.name(db.productionSchema(), db.spell("jooq_gen_seq")),
                SQLDataType.BIGINT);
        org.jooq.Sequence<Long> other = DSL.sequence(DSL.name(db.productionSchema(), db.spell("jooq_other_seq")),
                SQLDataType.BIGINT);
        try (TipContext.Scope ignored = TipContext.bind(RUN)) {
            Long first = ctx.nextval(gen);
            assertThat(ctx.nextval(gen)).isGreaterThan(first);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ctx.nextval(other))
                    .rootCause().isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo(RefusedStatementException.REFUSED);
                        assertThat(e.getMessage()).containsIgnoringCase("jooq_other_seq");
                    });
        }
        assertThat(ctx.nextval(other)).isNotNull();
    }
}
