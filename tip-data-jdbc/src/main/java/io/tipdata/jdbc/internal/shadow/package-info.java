/** Reads table shapes, creates shadow twins and compares them with production. Not API. */
package io.tipdata.jdbc.internal.shadow;
