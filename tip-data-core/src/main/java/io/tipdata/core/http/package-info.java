/** Forwarding the run token to an allow-list of downstream services. */
package io.tipdata.core.http;
