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
 * Scope leases that die with their holder: PostgreSQL session-level advisory locks, taken on a
 * few lock connections (a scope's key always on the same one) that this object keeps open while
 * they hold any lease. When the holding process ends
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

    /**
     * Lock connections by default. Every claim and release is a round trip on its key's connection,
     * made under that connection's monitor; with one connection, the scopes of a large run (20,000
     * and more) queued on it. Each connection is held only while it holds a lease.
     */
    public static final int DEFAULT_CONNECTIONS = 4;

    private final Shard[] shards;

    public JooqScopeLeases(DSLContext dsl) {
        this(dsl, DEFAULT_CONNECTIONS);
    }

    /** @param connections lock connections; a scope's key always uses the same one */
    public JooqScopeLeases(DSLContext dsl, int connections) {
        ConnectionProvider provider = Objects.requireNonNull(dsl, "dsl").configuration().connectionProvider();
        if (connections < 1) {
            throw new IllegalArgumentException("at least one lock connection");
        }
        this.shards = new Shard[connections];
        for (int i = 0; i < connections; i++) {
            shards[i] = new Shard(provider);
        }
    }

    private Shard shard(long lockKey) {
        return shards[(int) Math.floorMod(lockKey, (long) shards.length)];
    }

    @Override
    public boolean tryAcquire(String key, String holder, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(holder, "holder");
        long lockKey = lockKey(key);
        return shard(lockKey).tryAcquire(key, lockKey, holder);
    }

    @Override
    public void release(String key, String holder) {
        long lockKey = lockKey(key);
        shard(lockKey).release(key, lockKey, holder);
    }

    /** Scopes this object holds now (for tests and diagnostics). */
    public int heldCount() {
        int held = 0;
        for (Shard shard : shards) {
            held += shard.heldCount();
        }
        return held;
    }

    /** The leases of the keys that map to one lock connection. */
    private static final class Shard {
        private final ConnectionProvider connections;
        private final Map<String, String> held = new HashMap<>();
        /**
         * Guards the shard: a lock, not a monitor. Scopes run on virtual threads that queue here for a
         * database round trip; a contended monitor spins before it parks (5 % of the watch's CPU in
         * the all-types benchmark), the lock parks the waiting virtual thread at once.
         */
        private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        private Connection lockConnection;

        Shard(ConnectionProvider connections) {
            this.connections = connections;
        }

        boolean tryAcquire(String key, long lockKey, String holder) {
            lock.lock();
            try {
                return tryAcquireLocked(key, lockKey, holder);
            } finally {
                lock.unlock();
            }
        }

        private boolean tryAcquireLocked(String key, long lockKey, String holder) {
            String current = held.get(key);
            if (current != null) {
                return current.equals(holder);
            }
            try {
                if (!call("SELECT pg_try_advisory_lock(?)", lockKey)) {
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

        void release(String key, long lockKey, String holder) {
            lock.lock();
            try {
                releaseLocked(key, lockKey, holder);
            } finally {
                lock.unlock();
            }
        }

        private void releaseLocked(String key, long lockKey, String holder) {
            if (!holder.equals(held.get(key))) {
                return;
            }
            held.remove(key);
            try {
                call("SELECT pg_advisory_unlock(?)", lockKey);
            } catch (SQLException e) {
                lost(); // the connection is gone, and with it every lock it held
            } finally {
                closeIfIdle();
            }
        }

        int heldCount() {
            lock.lock();
            try {
                return held.size();
            } finally {
                lock.unlock();
            }
        }

        private boolean call(String sql, long lockKey) throws SQLException {
            if (lockConnection == null || lockConnection.isClosed()) {
                lockConnection = connections.acquire();
                lockConnection.setAutoCommit(true);
            }
            try (PreparedStatement statement = lockConnection.prepareStatement(sql)) {
                statement.setLong(1, lockKey);
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
