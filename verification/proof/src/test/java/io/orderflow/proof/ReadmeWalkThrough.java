package io.orderflow.proof;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The README's walk through the API, taken from README.md: the environment its start command sets, and its
 * other {@code bash} blocks, which run in order as one bash script ({@code set -euo pipefail}) against a running
 * system. Only the ports change, to the system's. The script finds no program but those a fresh Debian has
 * ({@code cat}, {@code sleep}, {@code grep}) and the two the README asks to install ({@code curl}, {@code jq});
 * curl reports the status of every call it makes on the side, so that an HTTP error cannot pass unseen.
 */
record ReadmeWalkThrough(Map<String, String> environment, String script) {

    static final String SECTION = "## A walk through the API";
    static final String START_COMMAND = "./mvnw -DskipTests install spring-boot:run";
    static final String API = "localhost:8080";
    static final String MANAGEMENT = "127.0.0.1:9080";
    /** What the script may run besides bash's builtins: a fresh Debian's, and the README's prerequisites. */
    static final List<String> PROGRAMS = List.of("cat", "sleep", "grep", "jq");
    /**
     * {@code required}: a missing program fails the walk-through's test instead of skipping it ({@code .ci/run} sets
     * it, having installed curl and jq).
     */
    static final String REQUIRED_PROPERTY = "orderflow.walk-through-tests";
    private static final String CALL = "@@call ";
    private static final Pattern BLOCK = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL);
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Z][A-Z0-9_]*)=('([^']*)'|\"([^\"]*)\"|(\\S+))\\s+");

    /** What a run answered: bash's exit code, its output, and every HTTP call as {@code "<status> <method> <url>"}. */
    record Run(int exitCode, String output, List<String> calls) {

        /**
         * Calls that did not answer 2xx, except a GET that a later call of the same URL answered: a walk-through
         * waits for a read model to catch up by asking again.
         */
        List<String> failedCalls() {
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                String call = calls.get(i);
                if (call.startsWith("2")) {
                    continue;
                }
                String request = call.substring(call.indexOf(' ') + 1);
                boolean askedAgainUntilAnswered = request.startsWith("GET ") && calls.subList(i + 1, calls.size()).stream()
                        .anyMatch(later -> later.startsWith("2") && later.substring(later.indexOf(' ') + 1).equals(request));
                if (!askedAgainUntilAnswered) {
                    failed.add(call);
                }
            }
            return failed;
        }
    }

    static ReadmeWalkThrough from(Path readme) {
        String text;
        try {
            text = Files.readString(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = text.indexOf(SECTION);
        if (start < 0) {
            throw new IllegalStateException("README.md has no section " + SECTION);
        }
        int end = text.indexOf("\n## ", start + SECTION.length());
        List<String> blocks = blocks(text.substring(start, end < 0 ? text.length() : end));
        if (blocks.size() < 2 || !blocks.get(0).contains(START_COMMAND)) {
            throw new IllegalStateException("the walk-through starts with no block that runs " + START_COMMAND);
        }
        return new ReadmeWalkThrough(environmentOf(blocks.get(0)), String.join("\n", blocks.subList(1, blocks.size())));
    }

    /** The {@code bash} blocks of a piece of Markdown, in order. */
    static List<String> blocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher block = BLOCK.matcher(markdown);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    /**
     * Whether the programs the script runs are on {@code path}: when one is missing the walk-through is skipped, with
     * the reason, unless {@code required}, when it fails. {@code ./mvnw verify} needs only a JDK; curl and jq are the
     * README's prerequisites of the walk-through alone.
     */
    static void assumeProgramsOn(String path, boolean required) {
        List<String> missing = new ArrayList<>();
        for (String program : Stream.concat(PROGRAMS.stream(), Stream.of("curl")).toList()) {
            if (find(program, path).isEmpty()) {
                missing.add(program);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String reason = "the README's walk-through needs " + String.join(", ", missing) + ", not installed (on PATH "
                + path + "): apt-get install curl jq";
        if (required) {
            fail(reason + " (-D" + REQUIRED_PROPERTY + "=required)");
        }
        Assumptions.abort(reason);
    }

    /** {@link #assumeProgramsOn} this JVM's {@code PATH}, required as {@value #REQUIRED_PROPERTY} says. */
    static void assumeProgramsInstalled() {
        assumeProgramsOn(path(), "required".equals(System.getProperty(REQUIRED_PROPERTY)));
    }

    /** Runs the script with bash against the system on {@code port} and {@code managementPort}; at most {@code limit}. */
    Run run(Path workDir, int port, int managementPort, Duration limit) {
        if (!script.contains(API) || !script.contains(MANAGEMENT)) {
            throw new IllegalStateException("the walk-through no longer calls " + API + " and " + MANAGEMENT + "; adjust the ports below");
        }
        String pointed = script.replace(API, "localhost:" + port).replace(MANAGEMENT, "127.0.0.1:" + managementPort);
        try {
            Path bin = Files.createDirectories(workDir.resolve("bin"));
            for (String program : PROGRAMS) {
                Files.deleteIfExists(bin.resolve(program));
                Files.createSymbolicLink(bin.resolve(program), onPath(program));
            }
            Path curl = bin.resolve("curl");
            Files.writeString(curl, "#!/bin/sh\nexec " + onPath("curl")
                    + " -w '%{stderr}" + CALL + "%{http_code} %{method} %{url_effective}\\n' \"$@\"\n");
            Files.setPosixFilePermissions(curl, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path walk = workDir.resolve("walk.sh");
            // wait: the streams it started in the background end by themselves
            Files.writeString(walk, "set -euo pipefail\n" + pointed + "\nwait\n");
            Path output = workDir.resolve("walk.out");
            ProcessBuilder bash = new ProcessBuilder("/bin/bash", walk.toString())
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            bash.environment().clear();
            bash.environment().put("PATH", bin.toString());
            bash.environment().put("HOME", workDir.toString());
            Process process = bash.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                return result(-1, output);
            }
            return result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Run result(int exitCode, Path output) throws IOException {
        String text = Files.readString(output);
        List<String> calls = text.lines().filter(line -> line.contains(CALL))
                .map(line -> line.substring(line.indexOf(CALL) + CALL.length())).toList();
        return new Run(exitCode, text, calls);
    }

    private static Map<String, String> environmentOf(String startCommand) {
        Map<String, String> environment = new LinkedHashMap<>();
        Matcher assignment = ASSIGNMENT.matcher(startCommand.replace("\\\n", " "));
        int at = 0;
        while (assignment.find(at) && assignment.start() == at) {
            String value = assignment.group(3) != null ? assignment.group(3)
                    : assignment.group(4) != null ? assignment.group(4) : assignment.group(5);
            environment.put(assignment.group(1), value);
            at = assignment.end();
        }
        return environment;
    }

    /** A program as a fresh machine with the README's prerequisites has it; {@link #assumeProgramsInstalled} checked them. */
    private static Path onPath(String program) {
        return find(program, path()).orElseThrow(() -> new IllegalStateException(program
                + " is not installed; the README's walk-through needs curl and jq (apt-get install curl jq)"));
    }

    private static Optional<Path> find(String program, String path) {
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String path() {
        return System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    }
}
