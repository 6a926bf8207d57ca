package io.watchkeeper.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time of a process tree from {@code /proc} (Linux): user + system time of the process, of its live
 * descendants, and of its exited children that it waited for. Used to say where a benchmark's CPU went
 * (application, PostgreSQL, load generator) per request.
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc/PID/stat} times ({@code getconf CLK_TCK} is 100 on Linux x86-64). */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {}

    /** CPU seconds used so far by {@code pid} and everything below it (0 when the process is gone). */
    static double treeSeconds(long pid) {
        double seconds = ownSeconds(pid, true);
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            seconds += handle.get().descendants().mapToDouble(h -> ownSeconds(h.pid(), false)).sum();
        }
        return seconds;
    }

    /** CPU seconds used so far by {@code pid} alone (its threads; no child processes). */
    static double processSeconds(long pid) {
        return ownSeconds(pid, false);
    }

    /** The parent process id of {@code pid}, or -1. */
    static long parent(long pid) {
        String[] f = fields(pid);
        return f == null ? -1 : Long.parseLong(f[1]);
    }

    private static double ownSeconds(long pid, boolean withWaitedChildren) {
        String[] f = fields(pid);
        if (f == null) {
            return 0;
        }
        // after "(comm)": state=0 ppid=1 ... utime=11 stime=12 cutime=13 cstime=14
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        if (withWaitedChildren) {
            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** The fields of /proc/PID/stat after the command name (which may contain spaces). */
    private static String[] fields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
