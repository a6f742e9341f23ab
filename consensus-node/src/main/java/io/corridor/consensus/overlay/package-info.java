/**
 * The validator overlay: authenticated, encrypted TCP connections between validators identified by their
 * Ed25519 node keys, flooding with de-duplication, bounded per-peer queues and reconnects. It depends only on
 * {@code java.*} and the Stellar SDK's {@code StrKey}; it knows nothing of SCP, ledgers or the herder, which
 * sees it through {@link io.corridor.consensus.overlay.Overlay} and
 * {@link io.corridor.consensus.overlay.MessageHandler}. The wire format is described in {@code docs/OVERLAY.md}.
 */
package io.corridor.consensus.overlay;
