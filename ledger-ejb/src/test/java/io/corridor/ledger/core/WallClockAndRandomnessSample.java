package io.corridor.ledger.core;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Random;

/**
 * Test-only sample in a core package that breaks the determinism rule four ways, so that {@code
 * ArchitectureTest} can show its rule catches each of them. Never used at run time.
 */
public final class WallClockAndRandomnessSample {

    private WallClockAndRandomnessSample() {
    }

    static long millis() {
        return System.currentTimeMillis();
    }

    static Instant instant() {
        return Instant.now();
    }

    static LocalDateTime localDateTime() {
        return LocalDateTime.now();
    }

    static int random() {
        return new Random().nextInt();
    }
}
