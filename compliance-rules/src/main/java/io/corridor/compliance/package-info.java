/**
 * KYC/AML compliance: facts in, findings out. Rules never call the ledger. Empty until the compliance issue.
 */
package io.corridor.compliance;
