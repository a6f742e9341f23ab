package io.corridor.consensus.herder;

import io.corridor.consensus.overlay.MessageKind;

/** How the herder talks to other validators: the overlay in a node, a simulated network in tests. */
public interface PeerNetwork {

    /** Sends to every connected peer (flooded kinds are de-duplicated by the network). */
    void broadcast(MessageKind kind, byte[] payload);

    /** Passes a flooded message the herder accepted on to every peer except the one it came from. */
    void relay(String fromPeer, MessageKind kind, byte[] payload);

    /** Sends to one peer; false when it is not connected or its queue is full. */
    boolean send(String peer, MessageKind kind, byte[] payload);
}
