/** Reading the statement's text the way the database reads it: literals, comments, markers. Not API. */
package io.tipdata.jdbc.internal.rewrite.text;
