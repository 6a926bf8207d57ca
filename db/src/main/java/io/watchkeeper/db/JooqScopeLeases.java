package io.watchkeeper.db;

import io.watchkeeper.core.watch.ScopeLeases;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;

/**
 * Scope leases that die with their holder: PostgreSQL session-level advisory locks, taken on one
 * connection that this object keeps open while it holds any lease. When the holding process ends
 * in any way (exit, crash, {@code kill -9}, a lost network), its connection closes and PostgreSQL
 * releases every lock it held at once, so the next run never waits for a dead holder. Inside one
 * process the holder names decide (a second holder of the same process cannot take a held scope;
 * the same holder may claim again); across processes and nodes the advisory lock does.
 *
 * <p>The key is the first 64 bits of SHA-256 over the scope key, so distinct scopes collide with
 * negligible probability. {@code ttl} is not needed any more: a lease lasts exactly as long as its
 * holder is alive and has not released it. If the lock connection itself breaks, its locks are gone
 * on the server too; the leases it held are forgotten here and the next claim opens a new connection.
 */
public final class JooqScopeLeases implements ScopeLeases {

    private final ConnectionProvider connections;
    private final Map<String, String> held = new HashMap<>();
    private Connection lockConnection;

    public JooqScopeLeases(DSLContext dsl) {
        this.connections = Objects.requireNonNull(dsl, "dsl").configuration().connectionProvider();
    }

    @Override
    public synchronized boolean tryAcquire(String key, String holder, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(holder, "holder");
        String current = held.get(key);
        if (current != null) {
            return current.equals(holder);
        }
        try {
            if (!call("SELECT pg_try_advisory_lock(?)", key)) {
                return false;
            }
            held.put(key, holder);
            return true;
        } catch (SQLException e) {
            lost();
            throw new IllegalStateException("could not claim scope " + key + ": " + e.getMessage(), e);
        } finally {
            closeIfIdle();
        }
    }

    @Override
    public synchronized void release(String key, String holder) {
        if (!holder.equals(held.get(key))) {
            return;
        }
        held.remove(key);
        try {
            call("SELECT pg_advisory_unlock(?)", key);
        } catch (SQLException e) {
            lost(); // the connection is gone, and with it every lock it held
        } finally {
            closeIfIdle();
        }
    }

    /** Scopes this object holds now (for tests and diagnostics). */
    public synchronized int heldCount() {
        return held.size();
    }

    private boolean call(String sql, String key) throws SQLException {
        if (lockConnection == null || lockConnection.isClosed()) {
            lockConnection = connections.acquire();
            lockConnection.setAutoCommit(true);
        }
        try (PreparedStatement statement = lockConnection.prepareStatement(sql)) {
            statement.setLong(1, lockKey(key));
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private void closeIfIdle() {
        if (held.isEmpty() && lockConnection != null) {
            Connection c = lockConnection;
            lockConnection = null;
            connections.release(c);
        }
    }

    private void lost() {
        held.clear();
        if (lockConnection != null) {
            Connection c = lockConnection;
            lockConnection = null;
            try {
                connections.release(c);
            } catch (RuntimeException ignored) {
                // already broken
            }
        }
    }

    static long lockKey(String scopeKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    ("watchkeeper-scope:" + scopeKey).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
