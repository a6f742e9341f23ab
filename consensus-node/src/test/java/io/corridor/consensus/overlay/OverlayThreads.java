package io.corridor.consensus.overlay;

import java.util.List;

/** Finds overlay threads still alive, for the no-leak checks. */
final class OverlayThreads {
    private OverlayThreads() {
    }

    static List<String> alive() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("corridor-overlay-")).sorted().toList();
    }
}
