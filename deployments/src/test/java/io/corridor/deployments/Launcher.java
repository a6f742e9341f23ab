package io.corridor.deployments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code deployments/corridor} as a user would, for the launcher's black-box tests. */
final class Launcher {

    private static final Path REPO = Path.of(System.getProperty("corridor.repo.dir", "..")).toAbsolutePath().normalize();
    /** Generous: several WildFly starts on a busy two-core machine. */
    private static final long COMMAND_TIMEOUT_S = 420;

    private Launcher() {
    }

    record Result(int exitCode, String output) {
    }

    /** Runs {@code corridor ARGS --data DATA} from the repository, echoing its output. */
    static Result run(Path data, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(REPO.resolve("deployments/corridor").toString());
        command.addAll(List.of(args));
        command.add("--data");
        command.add(data.toString());
        Process process = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true).start();
        byte[] out;
        try (var in = process.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!process.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("corridor " + String.join(" ", args) + " did not finish in " + COMMAND_TIMEOUT_S + " s");
        }
        String output = new String(out, StandardCharsets.UTF_8);
        System.out.println("$ corridor " + String.join(" ", args) + "\n" + output);
        return new Result(process.exitValue(), output);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
