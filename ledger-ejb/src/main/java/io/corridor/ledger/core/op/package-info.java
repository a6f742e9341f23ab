/**
 * Operations, one class each as stellar-core's {@code *OpFrame}s: the signature threshold an operation
 * needs, its stateless validity ({@code doCheckValid}) and its effect on the ledger ({@code doApply}),
 * with Stellar's result codes.
 */
package io.corridor.ledger.core.op;
