/**
 * The servlet filter that verifies the run header and binds the test run to the request, its
 * listener SPI, and the helper that carries the run into {@code AsyncContext.start} work.
 */
package io.tipdata.core.servlet;
