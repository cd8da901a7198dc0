package io.tipdata.hibernate;

import io.tipdata.jdbc.TablePolicy;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The table policy of an entity's tables: its own table, its secondary tables, and the collection and join tables
 * of the collections it owns. Inherited: the tables of a JOINED subclass take the root's policy unless the subclass
 * says otherwise. Read by {@link TipHibernate#policies(java.util.Map, Class[])}, which makes the one
 * {@code TablePolicies} object to give the {@code TipDataSource}, the {@code ShadowSchema} and the {@code PurgeJob}.
 *
 * <pre>{@code
 * @Entity @TipPolicy(TablePolicy.ISOLATED)
 * class Order { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TipPolicy {

    /** The policy of the entity's tables. */
    TablePolicy value();
}
