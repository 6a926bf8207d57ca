package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.GITHUB_ETAG;

import io.watchkeeper.core.github.EtagCache;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jooq.DSLContext;

/** The conditional-request cache in PostgreSQL ({@code github_etag}); bodies are stored gzip-compressed. */
public final class JooqEtagCache implements EtagCache {

    /** Bodies larger than this (uncompressed) are not cached; they are simply fetched each time. */
    static final int MAX_BODY = 16 << 20;

    private final DSLContext dsl;

    public JooqEtagCache(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public Optional<Entry> find(long accountId, String url) {
        return dsl.selectFrom(GITHUB_ETAG)
                .where(GITHUB_ETAG.ACCOUNT_ID.eq(accountId), GITHUB_ETAG.URL.eq(url))
                .fetchOptional(r -> new Entry(r.getEtag(), r.getLink(), gunzip(r.getBody()),
                        Times.instant(r.getStoredAt())));
    }

    @Override
    public void put(long accountId, String url, Entry entry) {
        byte[] body = entry.body();
        if (body.length > MAX_BODY) {
            return;
        }
        byte[] packed = gzip(body);
        dsl.insertInto(GITHUB_ETAG)
                .set(GITHUB_ETAG.ACCOUNT_ID, accountId)
                .set(GITHUB_ETAG.URL, url)
                .set(GITHUB_ETAG.ETAG, entry.etag())
                .set(GITHUB_ETAG.LINK, entry.link())
                .set(GITHUB_ETAG.BODY, packed)
                .set(GITHUB_ETAG.STORED_AT, Times.utc(entry.storedAt()))
                .onConflict(GITHUB_ETAG.ACCOUNT_ID, GITHUB_ETAG.URL)
                .doUpdate()
                .set(GITHUB_ETAG.ETAG, entry.etag())
                .set(GITHUB_ETAG.LINK, entry.link())
                .set(GITHUB_ETAG.BODY, packed)
                .set(GITHUB_ETAG.STORED_AT, Times.utc(entry.storedAt()))
                .execute();
    }

    @Override
    public int forgetOlderThan(long accountId, Instant cutoff) {
        return dsl.deleteFrom(GITHUB_ETAG)
                .where(GITHUB_ETAG.ACCOUNT_ID.eq(accountId), GITHUB_ETAG.STORED_AT.lt(Times.utc(cutoff)))
                .execute();
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 4));
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] packed) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new IOException("cached body larger than " + MAX_BODY + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable cached body", e);
        }
    }
}
