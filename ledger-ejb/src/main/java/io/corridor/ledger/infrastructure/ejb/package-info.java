/**
 * Container wiring: the singleton that owns the node's {@link io.corridor.ledger.application.LedgerNode},
 * reads its configuration and closes a ledger every interval on a managed scheduler.
 */
package io.corridor.ledger.infrastructure.ejb;
