/**
 * The ledger's application services: node configuration, the transaction queue, and {@link
 * io.corridor.ledger.application.LedgerNode}, which admits transactions, closes ledgers through the core
 * and commits them through the {@link io.corridor.ledger.application.LedgerStore} port. Pure Java, no
 * container types: adapters in {@code infrastructure} provide storage, scheduling and configuration.
 */
package io.corridor.ledger.application;
