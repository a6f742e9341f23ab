/** FBAS analysis by the SCP white paper's definitions; pure Java that depends on java.* only. */
package io.corridor.consensus.fbas;
