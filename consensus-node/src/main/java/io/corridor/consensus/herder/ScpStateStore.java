package io.corridor.consensus.herder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.XdrDataInputStream;
import org.stellar.sdk.xdr.XdrDataOutputStream;

/**
 * Where the herder keeps the envelopes it last sent, so that a restarted node resumes its slot from them and
 * never says anything contradicting what it said before the crash. Written before an envelope leaves the node.
 */
public interface ScpStateStore {

    /** Replaces the stored envelopes with {@code envelopes} (the latest the node sent, for its open slots). */
    void save(List<SCPEnvelope> envelopes);

    /** The envelopes saved last; empty on first start. */
    List<SCPEnvelope> load();

    /** Keeps nothing: for watchers and tests of first start. */
    ScpStateStore NONE = new ScpStateStore() {
        @Override
        public void save(List<SCPEnvelope> envelopes) {
        }

        @Override
        public List<SCPEnvelope> load() {
            return List.of();
        }
    };

    /** A file written atomically (temporary file, fsync, rename): a count, then each envelope's XDR. */
    static ScpStateStore file(Path file) {
        return new ScpStateStore() {
            @Override
            public void save(List<SCPEnvelope> envelopes) {
                try {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    XdrDataOutputStream out = new XdrDataOutputStream(bytes);
                    out.writeInt(envelopes.size());
                    for (SCPEnvelope envelope : envelopes) {
                        envelope.encode(out);
                    }
                    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                    Files.createDirectories(file.toAbsolutePath().getParent());
                    try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE)) {
                        channel.write(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
                        channel.force(true);
                    }
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot save the SCP state to " + file
                            + "; the node must not send envelopes it could not persist", e);
                }
            }

            @Override
            public List<SCPEnvelope> load() {
                if (!Files.exists(file)) {
                    return List.of();
                }
                try {
                    XdrDataInputStream in = new XdrDataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)));
                    int count = in.readInt();
                    if (count < 0 || count > 100_000) {
                        throw new IOException("bad envelope count " + count);
                    }
                    List<SCPEnvelope> envelopes = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        envelopes.add(SCPEnvelope.decode(in));
                    }
                    return envelopes;
                } catch (IOException | RuntimeException e) {
                    throw new IllegalStateException("the SCP state file " + file + " is damaged (" + e.getMessage()
                            + "); the node will not start without it, since it could contradict what it sent. "
                            + "Move it away only if this node's key never voted in the network's current slots.", e);
                }
            }
        };
    }
}
