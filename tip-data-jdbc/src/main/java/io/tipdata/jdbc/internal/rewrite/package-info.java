/** Parses, rewrites and independently verifies statements for test context. Not API. */
package io.tipdata.jdbc.internal.rewrite;
