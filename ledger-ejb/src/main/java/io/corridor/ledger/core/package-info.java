/**
 * The ledger's rules in pure Java: network profiles, hashing, keys and XDR helpers shared by the core
 * packages. Nothing here imports {@code jakarta.*}, Hibernate, Camel or Drools; time and randomness are
 * passed in. The architecture test keeps it that way.
 */
package io.corridor.ledger.core;
