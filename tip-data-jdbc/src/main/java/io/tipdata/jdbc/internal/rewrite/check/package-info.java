/**
 * The independent check of a rewritten statement, parsed again from its text. It imports nothing of the
 * rewriter or of the text reading and resolves names itself. It visits every field of every node and refuses
 * any node type, or text in a node, that {@code NodeCatalog} does not list. Not API.
 */
package io.tipdata.jdbc.internal.rewrite.check;
