package io.salesops.jobs.runtime;

import java.time.Instant;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The process that owns a job execution.
 *
 * @param startedAt start of the process, so a recycled pid is not mistaken for the owner
 */
public record ProcessOwner(long pid, String host, Instant startedAt) {

    private static final String PID = "salesops.owner.pid";
    private static final String HOST = "salesops.owner.host";
    private static final String STARTED = "salesops.owner.started-at";

    public static ProcessOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new ProcessOwner(self.pid(), hostName(),
                self.info().startInstant().orElse(Instant.EPOCH));
    }

    public static Optional<ProcessOwner> readFrom(ExecutionContext context) {
        if (!context.containsKey(PID)) {
            return Optional.empty();
        }
        return Optional.of(new ProcessOwner(context.getLong(PID), context.getString(HOST),
                Instant.parse(context.getString(STARTED))));
    }

    void writeTo(ExecutionContext context) {
        context.putLong(PID, pid);
        context.putString(HOST, host);
        context.putString(STARTED, startedAt.toString());
    }

    /**
     * True when this owner is certainly gone: same host, and no live process with that pid and
     * start instant. On another host we cannot know, so it counts as alive.
     */
    public boolean isDeadOnThisHost() {
        if (!host.equals(hostName())) {
            return false;
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .flatMap(handle -> handle.info().startInstant())
                .map(start -> !start.equals(startedAt))
                .orElse(true);
    }

    static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
