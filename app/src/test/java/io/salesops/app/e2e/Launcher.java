package io.salesops.app.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs bin/salesops as a separate process, as a user does, and captures what it prints. */
final class Launcher {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final Path SCRIPT = REPOSITORY.resolve("bin/salesops");

    record Result(int exitCode, String out, String err) {
    }

    private Launcher() {
    }

    static Process start(Path logDir, String... args) throws IOException {
        return start(logDir, List.of(), args);
    }

    /** As {@link #start(Path, String...)}, with a command that runs the launcher (such as setpriv). */
    static Process start(Path logDir, List<String> wrapper, String... args) throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(SCRIPT.toString());
        command.addAll(List.of(args));
        Files.createDirectories(logDir);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(logDir.resolve("out.txt").toFile())
                .redirectError(logDir.resolve("err.txt").toFile());
        builder.environment().put("JAVA_OPTS", "-Xmx1g");
        // Failsafe runs right after `package`: the jar under test is the one just built.
        builder.environment().put("SALESOPS_SKIP_BUILD", "1");
        return builder.start();
    }

    static Result run(Path logDir, String... args) throws Exception {
        return run(logDir, List.of(), args);
    }

    static Result run(Path logDir, List<String> wrapper, String... args) throws Exception {
        Process process = start(logDir, wrapper, args);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("salesops " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Result(process.exitValue(), Files.readString(logDir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(logDir.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
