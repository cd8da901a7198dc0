/**
 * Parses, rewrites and independently verifies statements for test context (shadow mode). Not API.
 *
 * <p>Entry point: {@link io.tipdata.jdbc.internal.rewrite.SqlRewriter#rewrite(String)} gives a
 * {@link io.tipdata.jdbc.internal.rewrite.RewrittenSql} whose {@code sqlFor(runId)} is the text to send,
 * or throws a {@link io.tipdata.jdbc.RefusedStatementException} (SQLState {@code TD001}).
 *
 * <p>Layout: {@code text} reads the text (lexing, parameter markers, the text checks), {@code rewriter}
 * rewrites the parsed tree, {@code check} verifies the rendering independently. The check shares nothing
 * with the other two but the parser and the few shared types of this package ({@link
 * io.tipdata.jdbc.internal.rewrite.Refusal}, the declared function list); {@code RewriteLayoutTest} keeps it so.
 *
 * <p>Rules:
 * <ul>
 *   <li>Only SELECT (plain, set operations, VALUES), INSERT, UPDATE, DELETE, MERGE and MariaDB's REPLACE INTO
 *       (with a column list) are rewritten; every
 *       other statement kind, several statements in one text, and text the parser cannot read are refused.</li>
 *   <li>Table names are resolved by {@link io.tipdata.jdbc.TablePolicies}, unqualified or qualified with the
 *       production schema (or, on PostgreSQL and H2, the production catalog and schema; a qualified name never names
 *       a CTE). An ISOLATED table so qualified becomes its twin (and a column qualified with its full name is
 *       qualified with the twin's alias); a REFERENCE table keeps its qualifier, which the check reads for itself.
 *       Any other schema-qualified name (the shadow schema included) is refused, as are database links, table
 *       functions, {@code SELECT ... INTO}, data-modifying CTEs and every function call not on the
 *       dialect's allow-list ({@code FunctionList}, {@code functions-<dialect>.txt}) or declared by the user.</li>
 *   <li>An ISOLATED table {@code T} becomes {@code shadow.T} aliased as written, with
 *       {@code alias.tip_run = '<run>'}: in WHERE, in the ON of the LEFT join that brings it in, in the ON
 *       of the first later RIGHT join when it is on that join's optional side, or inside a filtered derived
 *       table where no ON can carry it (FULL joins, USING, NATURAL). MariaDB's single-table DELETE takes no
 *       alias, so there the filter names {@code shadow.T} in full.</li>
 *   <li>INSERT into an ISOLATED table needs a column list; {@code tip_run} and the run literal are added
 *       to it and to every VALUES row or SELECT branch. {@code ON CONFLICT (cols)} gets {@code tip_run}
 *       added; {@code ON CONFLICT ON CONSTRAINT} is refused; {@code ON DUPLICATE KEY UPDATE} is kept (the
 *       twin's unique keys include {@code tip_run}). MERGE gets the target filter in ON and the run in its
 *       inserts; an ISOLATED source becomes a filtered derived table. No statement may assign
 *       {@code tip_run} itself.</li>
 *   <li>{@code *} and {@code q.*} over a twin are written out as the production columns of the table (from
 *       {@link io.tipdata.jdbc.internal.rewrite.TableColumns}), quoted and qualified by the alias; {@code *} over
 *       several FROM items becomes each item's columns in FROM order ({@code q.*} for the others), and so does
 *       {@code RETURNING *}. Over USING and NATURAL joins the twins become derived tables selecting exactly the
 *       production columns and {@code *} stays. A {@code q.*} inside an expression or naming no item of its own
 *       FROM list, a PostgreSQL whole-row reference to a twin ({@code row_to_json(o)}), and {@code *} over a
 *       twin whose columns are unknown, are refused.</li>
 *   <li>The text is read by the dialect's own lexer ({@code text.SqlLexer}) before parsing, and the parser is
 *       given it with its comments taken out; text the database would read differently from the parser is
 *       refused ({@code text.TextAgreement}): MariaDB executable comments, MariaDB's {@code --} without a
 *       following space, dollar quotes, backslash escapes (MariaDB {@code '...'} and {@code "..."}, PostgreSQL
 *       {@code E'...'}; a doubled backslash is read alike and allowed), Unicode escapes, several statements,
 *       and any string literal or quoted name the parser read otherwise than the database.</li>
 *   <li>REFERENCE tables are read as they are; writing or locking them is refused.</li>
 *   <li>Every CTE is renamed to a generated {@code tip_cte…} name (its old name stays as the alias of each
 *       reference), because H2 reads a CTE named like an existing table as the table.</li>
 *   <li>JDBC {@code ?} markers keep their number and order (checked on a rendering with numbered markers);
 *       the run id is a literal. Comments are dropped.</li>
 *   <li>The rendering is parsed again and checked by {@code IsolationVerifier} and lexed again by
 *       {@code TextAgreement} (which also requires that it hold no comment);
 *       a disagreement refuses the statement. The check parses the rendering with each run literal written as a
 *       {@code ?} marker and knows the run by those markers' ordinals ({@code text.RunSlots}, which lexes both
 *       texts and admits the substitution only where it keeps the text's structure; the check holds the
 *       parser's numbering of the markers to the text's): the parser reads a marker several times faster than
 *       a string literal. Numbered markers ({@code ?1}) are refused in test context. The check walks every field of every node, array subscripts of
 *       columns and both sides of JSON operators included, and knows the node types it accepts and the form
 *       of the text each may carry ({@code NodeCatalog}); any other node or text refuses the statement (run
 *       on the rewritten tree first, so that such a statement is an ordinary refusal, not a failed check).</li>
 * </ul>
 */
package io.tipdata.jdbc.internal.rewrite;
