/** Internals of outbound token forwarding; not an API. */
package io.tipdata.core.http.internal;
