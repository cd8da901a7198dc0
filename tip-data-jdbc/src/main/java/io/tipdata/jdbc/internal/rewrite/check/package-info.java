/**
 * The independent check of a rewritten statement, parsed again from its text. It imports nothing of the
 * rewriter or of the text reading and resolves names itself. Not API.
 */
package io.tipdata.jdbc.internal.rewrite.check;
