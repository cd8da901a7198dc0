/** The SQL of the JDBC run registry, per dialect. Not API. */
package io.tipdata.jdbc.internal.registry;
