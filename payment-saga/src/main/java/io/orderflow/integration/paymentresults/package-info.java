/**
 * Consumes {@code payments.results} and records each result on its order as a command. The offset is
 * committed only after the command succeeded; the Order aggregate makes duplicates harmless.
 */
package io.orderflow.integration.paymentresults;
