package io.watchkeeper.codescanner.source;

import io.watchkeeper.core.secrets.SkipPolicy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * Reads files within the size limit: never follows a symbolic link, never opens anything but a
 * regular file, never reads a byte past the limit. One per thread (a git object reader is not
 * thread-safe); a file's {@link Content} shares this reader's buffer and is valid until the next read.
 */
public final class ContentReader implements AutoCloseable {

    private final ObjectReader objects;
    private final long maxBytes;
    private byte[] buffer = new byte[64 * 1024]; // reused for file reads: a Content is valid until the next read

    private ContentReader(ObjectReader objects, long maxBytes) {
        this.objects = objects;
        this.maxBytes = maxBytes;
    }

    /** A reader of working-tree files. */
    public static ContentReader files(ScanLimits limits) {
        return new ContentReader(null, limits.maxFileBytes());
    }

    /** A reader of {@code repo}'s blobs. */
    public static ContentReader blobs(Repository repo, ScanLimits limits) {
        return new ContentReader(repo.newObjectReader(), limits.maxFileBytes());
    }

    public Content read(FileRef ref) {
        return ref.blob() != null ? blob(ref) : file(ref);
    }

    private Content blob(FileRef ref) {
        if (objects == null) {
            throw new IllegalStateException("not a git reader");
        }
        try {
            long size = objects.getObjectSize(ref.blob(), Constants.OBJ_BLOB);
            if (size > maxBytes) {
                return Content.skipped(SkipPolicy.Reason.TOO_LARGE);
            }
            ObjectLoader loader = objects.open(ref.blob(), Constants.OBJ_BLOB);
            byte[] data = loader.getCachedBytes((int) maxBytes);
            return new Content(data, data.length, null);
        } catch (LargeObjectException e) {
            return Content.skipped(SkipPolicy.Reason.TOO_LARGE);
        } catch (IOException | RuntimeException e) {
            return Content.skipped(SkipPolicy.Reason.UNREADABLE);
        }
    }

    private Content file(FileRef ref) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(ref.file(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attrs.isSymbolicLink()) {
                return Content.skipped(SkipPolicy.Reason.SYMLINK);
            }
            if (!attrs.isRegularFile()) {
                return Content.skipped(SkipPolicy.Reason.SPECIAL_FILE);
            }
            if (attrs.size() > maxBytes) {
                return Content.skipped(SkipPolicy.Reason.TOO_LARGE);
            }
            try (FileChannel ch = FileChannel.open(ref.file(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                // one more byte than the size we saw, so a file that grew since is noticed (and cut at the limit)
                int capacity = (int) Math.min(maxBytes + 1, attrs.size() + 1);
                if (buffer.length < capacity) {
                    buffer = new byte[Math.max(capacity, buffer.length * 2)];
                }
                byte[] data = buffer;
                ByteBuffer buf = ByteBuffer.wrap(data, 0, capacity);
                while (buf.hasRemaining() && ch.read(buf) >= 0) {
                    // keep reading
                }
                int n = buf.position();
                if (n > maxBytes) {
                    return Content.skipped(SkipPolicy.Reason.TOO_LARGE);
                }
                if (n == capacity && ch.read(ByteBuffer.allocate(1)) > 0) {
                    return Content.skipped(SkipPolicy.Reason.TOO_LARGE); // grew past what was checked
                }
                return new Content(data, n, null);
            }
        } catch (IOException | RuntimeException e) {
            return Content.skipped(SkipPolicy.Reason.UNREADABLE);
        }
    }

    @Override
    public void close() {
        if (objects != null) {
            objects.close();
        }
    }
}
