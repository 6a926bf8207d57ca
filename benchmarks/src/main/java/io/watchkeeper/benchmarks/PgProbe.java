package io.watchkeeper.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * What PostgreSQL did: rows written per table from {@code pg_stat_user_tables}, and the CPU time
 * of the server's processes (postmaster, its live children and its reaped children) from
 * {@code /proc}.
 */
final class PgProbe {

    private final DataSource admin;
    private final int port;
    private final long clockTicks;

    PgProbe(DataSource admin, int port) {
        this.admin = admin;
        this.port = port;
        this.clockTicks = 100; // USER_HZ on Linux
    }

    /**
     * {@code n_tup_ins + n_tup_upd + n_tup_del} per table. Backends publish their counters when a
     * transaction ends, but at most once a second and otherwise when they go idle or exit; the
     * caller closes the pool's idle connections first, then this waits until two readings 500 ms
     * apart agree (at least 1.5 s), clearing the statistics snapshot before each reading.
     */
    Map<String, Long> rowsWritten() {
        long deadline = System.nanoTime() + 15_000_000_000L;
        sleep(1_500);
        Map<String, Long> previous = read();
        while (System.nanoTime() < deadline) {
            sleep(500);
            Map<String, Long> now = read();
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    private Map<String, Long> read() {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery(
                    "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading pg_stat_user_tables: " + e.getMessage(), e);
        }
        return out;
    }

    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> out = new TreeMap<>();
        after.forEach((table, n) -> {
            long d = n - before.getOrDefault(table, 0L);
            if (d != 0) {
                out.put(table, d);
            }
        });
        return out;
    }

    /** CPU seconds used by the server so far, or -1 when /proc cannot tell. */
    double cpuSeconds() {
        try {
            long postmaster = postmasterPid();
            if (postmaster < 0) {
                return -1;
            }
            long ticks = 0;
            List<Path> procs;
            try (Stream<Path> s = Files.list(Path.of("/proc"))) {
                procs = new ArrayList<>(s.filter(p -> p.getFileName().toString().matches("\\d+")).toList());
            }
            for (Path proc : procs) {
                String[] f = stat(proc);
                if (f == null) {
                    continue;
                }
                long pid = Long.parseLong(proc.getFileName().toString());
                long ppid = Long.parseLong(f[1]);
                if (pid == postmaster) {
                    // utime, stime, cutime, cstime: the server's own time plus its reaped backends'
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                } else if (ppid == postmaster) {
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
            return ticks / (double) clockTicks;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Fields of /proc/PID/stat after the command name: f[0] is the state, f[1] the ppid, f[11] utime... */
    private static String[] stat(Path proc) {
        try {
            String s = Files.readString(proc.resolve("stat"), StandardCharsets.US_ASCII);
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private long postmasterPid() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            for (Path proc : s.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8).replace('\0', ' ');
                    String[] f = stat(proc);
                    if (cmd.contains("postgres") && cmd.contains("-p " + port) && f != null && !cmd.contains("pg_ctl")) {
                        long ppid = Long.parseLong(f[1]);
                        String parent = Files.readString(Path.of("/proc", String.valueOf(ppid), "cmdline"), StandardCharsets.UTF_8);
                        if (!(parent.contains("postgres") && parent.contains(String.valueOf(port)) && !parent.contains("pg_ctl"))) {
                            return Long.parseLong(proc.getFileName().toString());
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // process gone
                }
            }
        }
        return -1;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
