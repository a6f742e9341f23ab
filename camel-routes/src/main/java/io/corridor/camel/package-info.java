/**
 * Bank message routes: ISO 20022 and SWIFT MT to ledger payments and back. Empty until the integration issue.
 */
package io.corridor.camel;
