/** Micrometer metrics of the servlet filter; needs the optional micrometer-core dependency. */
package io.tipdata.core.micrometer;
