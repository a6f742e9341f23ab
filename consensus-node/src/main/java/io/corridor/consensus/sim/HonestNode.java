package io.corridor.consensus.sim;

import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.Value;

/** An honest node: its host broadcasts what SCP emits, and the monitor checks every statement and value. */
final class HonestNode implements ScpHost.Outbox, Network.Peer {
    private final World world;
    private final ScpHost host;

    HonestNode(World world, int index) {
        this.world = world;
        this.host = new ScpHost(world, index, world.topology().scpQuorumSet(index), slot -> SimValues.honest(slot, index),
                this);
    }

    ScpHost host() {
        return host;
    }

    @Override
    public void emitted(ScpHost h, SCPEnvelope envelope) {
        world.monitor().emitted(h.index(), envelope);
        world.network().broadcast(h.index(), EnvelopeWire.encode(envelope));
    }

    @Override
    public void resent(ScpHost h, SCPEnvelope envelope) {
        world.network().broadcast(h.index(), EnvelopeWire.encode(envelope));
    }

    @Override
    public void externalized(ScpHost h, long slot, Value value) {
        world.monitor().externalized(h.index(), slot, value);
    }

    @Override
    public void receive(int from, byte[] bytes) {
        host.receive(bytes);
    }
}
