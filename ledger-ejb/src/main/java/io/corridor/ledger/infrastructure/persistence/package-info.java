/**
 * JPA adapter of the {@link io.corridor.ledger.application.LedgerStore} port: ledger headers, live entries
 * and transactions as XDR in three tables, one JTA transaction per ledger; and {@code JpaFederationDirectory},
 * adapter of the {@link io.corridor.federation.FederationDirectory} port. Works on H2 and PostgreSQL.
 */
package io.corridor.ledger.infrastructure.persistence;
