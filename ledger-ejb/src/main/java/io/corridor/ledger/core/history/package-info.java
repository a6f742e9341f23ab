/**
 * What the ledger's history is indexed by: Horizon's total order ids (TOIDs) and the accounts that take
 * part in an operation; and what Horizon derives from it: the effects of an operation. Pure Java.
 */
package io.corridor.ledger.core.history;
