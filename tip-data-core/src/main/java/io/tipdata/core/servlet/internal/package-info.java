/** Internals of the servlet filter; not an API. */
package io.tipdata.core.servlet.internal;
