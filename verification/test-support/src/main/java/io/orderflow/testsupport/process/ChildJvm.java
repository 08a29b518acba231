package io.orderflow.testsupport.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * Starts a main class in a child JVM on this test's classpath, its output appended to a log file, and
 * kills it with SIGKILL. Every child is also killed when this JVM exits, so none outlives a test run.
 */
public final class ChildJvm {

    private static final Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "child-jvm-killer"));
    }

    private ChildJvm() {
    }

    public static Process start(Path log, String maxHeap, String mainClass, List<String> args) {
        return start(log, maxHeap, classpath(), mainClass, args);
    }

    /** A small JVM that starts fast (serial GC, C1 only): what the fault runs want, not what a benchmark measures. */
    public static Process start(Path log, String maxHeap, String classpath, String mainClass, List<String> args) {
        return start(log, maxHeap, classpath, mainClass, args, null, Map.of());
    }

    /** As above, in {@code workingDirectory} (null: this JVM's), with {@code environment} added to this JVM's. */
    public static Process start(Path log, String maxHeap, String classpath, String mainClass, List<String> args,
                         Path workingDirectory, Map<String, String> environment) {
        List<String> command = new ArrayList<>(smallJvm(maxHeap));
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(args);
        return run(log, command, workingDirectory, environment);
    }

    public static Process start(Path log, List<String> jvmOptions, String classpath, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(jvmOptions);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(args);
        return run(log, command, null, Map.of());
    }

    private static List<String> smallJvm(String maxHeap) {
        return List.of("-Xmx" + maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    /** An executable jar, such as the launcher's {@code orderflow.jar}. */
    public static Process startJar(Path log, List<String> jvmOptions, Path jar, List<String> args) {
        List<String> command = new ArrayList<>(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        return run(log, command, null, Map.of());
    }

    private static Process run(Path log, List<String> javaArguments, Path workingDirectory, Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true", "-Djava.net.preferIPv4Stack=true"));
        command.addAll(javaArguments);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            LIVE.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, as a crash would, and waits until the process is gone. */
    public static void kill(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(process);
    }

    /**
     * This JVM's classpath, where a Spring Boot executable jar is replaced by its classes directory: in a
     * reactor build past {@code package} the launcher's artifact is such a jar, whose classes sit under
     * {@code BOOT-INF/} where a plain class path cannot see them.
     */
    public static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            // absolute: a child may run in another working directory
            Path path = Path.of(entry).toAbsolutePath();
            entries.add((isBootJar(entry) ? path.resolveSibling("classes") : path).toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static boolean isBootJar(String entry) {
        if (!entry.endsWith(".jar") || !Files.isRegularFile(Path.of(entry))) {
            return false;
        }
        try (JarFile jar = new JarFile(entry)) {
            return jar.getEntry("BOOT-INF/classes/") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
