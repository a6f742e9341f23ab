package io.corridor.deployments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the black-box suite of {@code src/test/js} against a running node: the official JS SDK
 * ({@code @stellar/stellar-sdk}, pinned by the committed package-lock.json) driven by Node's own test runner. The
 * suite is copied to {@code target/js-sdk}, its dependencies installed there with {@code npm ci} (skipped while
 * the installed ones match the lock file), and {@code node --test} is run with the node's URL in
 * {@code CORRIDOR_URL}. Its output goes to the console line by line; a failure, or a run that passed no test,
 * fails with the end of that output. Node.js and npm must be on the PATH: without them the suite fails rather
 * than being skipped, so that a missing install is never mistaken for a pass.
 */
final class JsSdkSuite {

    private static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration TESTS_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);
    /** How long the output reader may take to drain a finished process. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final int NODE_MAJOR_MIN = 20;
    /** Lines of output quoted in a failure. */
    private static final int TAIL_LINES_MAX = 120;
    private static final String PREFIX = "[js-sdk] ";
    /** Written into node_modules after a successful install: the digest of the manifests it was made from. */
    private static final String INSTALLED_MARKER = ".corridor-installed.sha256";
    private static final List<String> MANIFESTS = List.of("package.json", "package-lock.json");
    private static final String INSTALL_HINT = "install Node.js " + NODE_MAJOR_MIN + "+ with npm and put node and "
            + "npm on the PATH (Debian package nodejs, version " + NODE_MAJOR_MIN + " or later: bookworm's own is 18, "
            + "NodeSource's node_" + NODE_MAJOR_MIN + ".x repository has it)";
    /** The spec reporter's summary line of passed tests. */
    private static final Pattern PASSED = Pattern.compile("^ℹ pass (\\d+)$");

    /**
     * Runs the suite against {@code url}; {@code adminToken} (may be null) is handed on as
     * {@code CORRIDOR_ADMIN_TOKEN} so that the federation test can register an address.
     */
    /** A domain the IT server serves federation for ({@code corridor.federation.domains} in the pom). */
    static final String FEDERATION_DOMAIN = "bank.example";

    static void run(String url, String adminToken) throws IOException, InterruptedException {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
        Path source = module.resolve("src/test/js");
        Path work = module.resolve("target/js-sdk");
        requireNode();
        copySuite(source, work);
        install(work);

        List<String> command = List.of("node", "--test", "--test-reporter=spec", "--test-concurrency=1");
        Map<String, String> environment = new HashMap<>();
        environment.put("CORRIDOR_URL", url);
        if (adminToken != null && !adminToken.isBlank()) {
            environment.put("CORRIDOR_ADMIN_TOKEN", adminToken);
            environment.put("CORRIDOR_FEDERATION_DOMAIN", FEDERATION_DOMAIN);
        }
        Result tests = execute(command, work, environment, TESTS_TIMEOUT);
        if (tests.exitCode != 0) {
            throw new AssertionError("JS SDK suite against " + url + " failed (node --test exited with "
                    + tests.exitCode + "); last lines of its output:\n" + tests.tail());
        }
        if (tests.passedCount() <= 0) {
            throw new AssertionError("JS SDK suite against " + url + " passed no test; last lines of its output:\n"
                    + tests.tail());
        }
    }

    /** Fails, with how to install them, unless node (version 20 or later) and npm answer. */
    private static void requireNode() throws InterruptedException {
        String nodeVersion = version("node");
        Matcher major = Pattern.compile("^v(\\d+)\\.").matcher(nodeVersion);
        if (!major.find() || Integer.parseInt(major.group(1)) < NODE_MAJOR_MIN) {
            throw new AssertionError("the JS SDK suite needs Node.js " + NODE_MAJOR_MIN + "+, found node "
                    + nodeVersion + ": " + INSTALL_HINT);
        }
        version("npm");
    }

    private static String version(String tool) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("the JS SDK suite needs " + tool + ", which is not on the PATH ("
                    + e.getMessage() + "): " + INSTALL_HINT, e);
        }
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!process.waitFor(VERSION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError(tool + " --version failed (" + output + "): " + INSTALL_HINT);
        }
        // npm may print configuration warnings before its version: the version is the last line.
        String[] lines = output.split("\\R");
        return lines[lines.length - 1];
    }

    /** Copies the manifests and every *.mjs of the suite; test files removed from the source go from the copy. */
    private static void copySuite(Path source, Path work) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new AssertionError("no JS SDK suite at " + source);
        }
        Files.createDirectories(work);
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(work, "*.mjs")) {
            for (Path file : stale) {
                Files.delete(file);
            }
        }
        for (String manifest : MANIFESTS) {
            Files.copy(source.resolve(manifest), work.resolve(manifest), StandardCopyOption.REPLACE_EXISTING);
        }
        try (DirectoryStream<Path> modules = Files.newDirectoryStream(source, "*.mjs")) {
            for (Path file : modules) {
                Files.copy(file, work.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** {@code npm ci}, unless node_modules was installed from the same manifests. */
    private static void install(Path work) throws IOException, InterruptedException {
        String digest = manifestsDigest(work);
        Path marker = work.resolve("node_modules").resolve(INSTALLED_MARKER);
        if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(digest)) {
            System.out.println(PREFIX + "node_modules matches package-lock.json: npm ci skipped");
            return;
        }
        Result npm = execute(List.of("npm", "ci", "--no-audit", "--no-fund"), work, Map.of(), NPM_CI_TIMEOUT);
        if (npm.exitCode != 0) {
            throw new AssertionError("npm ci in " + work + " failed (exit " + npm.exitCode
                    + "); last lines of its output:\n" + npm.tail());
        }
        Files.writeString(marker, digest + "\n");
    }

    private static String manifestsDigest(Path work) throws IOException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String manifest : MANIFESTS) {
                sha256.update(Files.readAllBytes(work.resolve(manifest)));
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** How a finished command exited, the end of its output, and the passed tests the spec reporter counted. */
    private record Result(int exitCode, List<String> tailLines, int passedCount) {
        String tail() {
            return String.join("\n", tailLines);
        }
    }

    /** A command's output as it is read: the last lines, and the spec reporter's count of passed tests. */
    private static final class Output {
        private final Deque<String> tail = new ArrayDeque<>();
        private int passedCount;

        synchronized void add(String line) {
            tail.addLast(line);
            if (tail.size() > TAIL_LINES_MAX) {
                tail.removeFirst();
            }
            Matcher passed = PASSED.matcher(line.strip());
            if (passed.matches()) {
                passedCount = Integer.parseInt(passed.group(1));
            }
        }

        synchronized List<String> tail() {
            return new ArrayList<>(tail);
        }

        synchronized int passedCount() {
            return passedCount;
        }
    }

    /**
     * Runs {@code command} in {@code directory} with {@code extraEnvironment} added, printing its output (stdout and
     * stderr merged) with a prefix as it comes; kills it with its children after {@code timeout}.
     */
    private static Result execute(List<String> command, Path directory, Map<String, String> extraEnvironment,
            Duration timeout) throws IOException, InterruptedException {
        System.out.println(PREFIX + "$ " + String.join(" ", command) + "   (in " + directory + ")");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(extraEnvironment);
        // Plain text in the build log: no colour codes, whatever the CI's environment asks for.
        builder.environment().remove("FORCE_COLOR");
        builder.environment().put("NO_COLOR", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("cannot start " + command.get(0) + ": " + INSTALL_HINT, e);
        }
        Output output = new Output();
        Thread reader = new Thread(() -> echo(process, output), "js-sdk-output");
        reader.setDaemon(true);
        reader.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        reader.join(DRAIN_TIMEOUT.toMillis());
        if (!finished) {
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout.toMinutes()
                    + " min and was killed; last lines of its output:\n" + String.join("\n", output.tail()));
        }
        return new Result(process.exitValue(), output.tail(), output.passedCount());
    }

    private static void echo(Process process, Output output) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println(PREFIX + line);
                output.add(line);
            }
        } catch (IOException e) {
            // The process was killed while its output was read; what was read is kept.
            System.out.println(PREFIX + "(output ended: " + e.getMessage() + ")");
        }
    }

    private JsSdkSuite() {
    }
}
