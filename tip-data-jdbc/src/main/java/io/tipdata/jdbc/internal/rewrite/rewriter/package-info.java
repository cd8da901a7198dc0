/** Rewriting a parsed statement so it touches only the run's partitions. Not API. */
package io.tipdata.jdbc.internal.rewrite.rewriter;
