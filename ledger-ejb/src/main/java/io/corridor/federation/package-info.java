/**
 * Federation (SEP-2) as pure Java: Stellar addresses ({@code name*domain}) with their account, memo and kind,
 * bank-account forwards, the validation rules for all of them, and the {@link io.corridor.federation.FederationDirectory}
 * port that storage adapters implement. No container, JPA or JAX-RS types here.
 */
package io.corridor.federation;
