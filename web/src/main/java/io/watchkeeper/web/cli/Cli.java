package io.watchkeeper.web.cli;

import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.web.security.Caller;
import java.io.PrintWriter;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * What CLI commands share: the application context (started on first use, so {@code --help}
 * needs no database), the output streams and the acting user.
 */
public final class Cli implements AutoCloseable {

    private final Supplier<ConfigurableApplicationContext> starter;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private ConfigurableApplicationContext context;

    public Cli(Supplier<ConfigurableApplicationContext> starter, PrintWriter out, PrintWriter err, boolean terminal) {
        this.starter = starter;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public synchronized <T> T bean(Class<T> type) {
        if (context == null) {
            context = starter.get();
        }
        return context.getBean(type);
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** Whether stderr is an interactive terminal (progress bars only then). */
    public boolean terminal() {
        return terminal;
    }

    /** The person behind the command, as recorded in the audit log. */
    public String actor() {
        return caller().actor();
    }

    /** The caller that services see for this command (see {@link Caller#cli()}). */
    public Caller caller() {
        return Caller.cli();
    }

    public void audit(String action, String target, JsonNode before, JsonNode after) {
        bean(AuditLog.class).record(new AuditEntry(actor(), action, target, before, after));
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            context.close();
        }
        out.flush();
        err.flush();
    }
}
