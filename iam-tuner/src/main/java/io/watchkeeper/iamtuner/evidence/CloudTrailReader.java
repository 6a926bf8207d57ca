package io.watchkeeper.iamtuner.evidence;

import io.watchkeeper.aws.AwsErrors;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.tuner.EvidenceStore;
import io.watchkeeper.core.tuner.TrailCursor;
import io.watchkeeper.core.tuner.TrailInfo;
import io.watchkeeper.core.tuner.TrailLogStore;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads an account's CloudTrail log files from S3 incrementally: per log prefix
 * ({@code [<trail prefix>/]AWSLogs/[<org id>/]<account>/CloudTrail/<region>/}) a cursor says which days
 * are complete; later files already read are remembered by key. Each file is streamed through gzip and
 * the streaming parser on a few threads (never a whole file in memory), tallied per principal and event,
 * and the tallies are stored as evidence before the files are marked read (a crash re-reads a file: its
 * last-seen times are idempotent, only its counts are added again). A file that fails to parse is marked
 * read with its error; one that fails to download is not, and holds its day's completion back.
 */
public final class CloudTrailReader {

    /**
     * @param backfillDays on the first read, how far back to start
     * @param lateDays a day is complete only once it is this many days old (late deliveries)
     * @param threads files parsed at once
     * @param maxBytesPerFile decompressed bytes one file may have (gzip bombs)
     */
    public record Settings(int backfillDays, int lateDays, int threads, long maxBytesPerFile) {
        public static Settings defaults() {
            return new Settings(100, 1, Math.max(1, Runtime.getRuntime().availableProcessors()), 2L << 30);
        }
    }

    /** One run over one account. */
    public record Summary(int trails, int prefixes, int files, long records, long attributed, int failedFiles,
                          int distinctStates, List<String> errors) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final Pattern DAY_IN_KEY = Pattern.compile("^(\\d{4})/(\\d{2})/(\\d{2})/");

    private final TrailLogStore trails;
    private final EvidenceStore evidence;
    private final CloudTrailMapping mapping;
    private final Settings settings;
    private final Clock clock;

    public CloudTrailReader(TrailLogStore trails, EvidenceStore evidence, CloudTrailMapping mapping, Settings settings,
                            Clock clock) {
        this.trails = trails;
        this.evidence = evidence;
        this.mapping = mapping;
        this.settings = settings;
        this.clock = clock;
    }

    /** Discovers the trails, then reads every new log file of the account. */
    public Summary read(Account account, AwsSession session) {
        List<TrailInfo> found = TrailDiscovery.discover(account.id(), session);
        trails.saveTrails(account.id(), found);
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        int prefixes = 0;
        int files = 0;
        int failed = 0;
        long records = 0;
        long attributed = 0;
        int states = 0;
        java.util.Set<String> done = new java.util.HashSet<>();
        for (TrailInfo trail : found) {
            if (!done.add(trail.bucket() + "/" + trail.keyPrefix())) {
                continue;
            }
            List<String> regionPrefixes;
            try {
                regionPrefixes = regionPrefixes(session.s3(), trail, account.externalId());
            } catch (RuntimeException e) {
                errors.add(AwsErrors.translate("s3:ListObjectsV2 " + trail.bucket(), e).getMessage());
                continue;
            }
            for (String prefix : regionPrefixes) {
                prefixes++;
                Run run = readPrefix(session.s3(), account, trail.bucket(), prefix, errors);
                files += run.files;
                failed += run.failed;
                records += run.records;
                attributed += run.attributed;
                states += run.states;
            }
        }
        return new Summary(found.size(), prefixes, files, records, attributed, failed, states, List.copyOf(errors));
    }

    /** {@code …/AWSLogs/<account>/CloudTrail/<region>/} prefixes, including an organisation trail's. */
    static List<String> regionPrefixes(S3Client s3, TrailInfo trail, String accountNumber) {
        String root = trail.keyPrefix().isEmpty() ? "AWSLogs/" : trail.keyPrefix().replaceAll("/+$", "") + "/AWSLogs/";
        List<String> accountRoots = new ArrayList<>();
        for (String child : children(s3, trail.bucket(), root)) {
            String name = child.substring(root.length(), child.length() - 1);
            if (name.equals(accountNumber)) {
                accountRoots.add(child);
            } else if (name.startsWith("o-")) {
                String nested = child + accountNumber + "/";
                if (children(s3, trail.bucket(), child).contains(nested)) {
                    accountRoots.add(nested);
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String accountRoot : accountRoots) {
            out.addAll(children(s3, trail.bucket(), accountRoot + "CloudTrail/"));
        }
        return out;
    }

    private static List<String> children(S3Client s3, String bucket, String prefix) {
        List<String> out = new ArrayList<>();
        for (var page : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix).delimiter("/"))) {
            for (CommonPrefix p : page.commonPrefixes()) {
                out.add(p.prefix());
            }
        }
        return out;
    }

    private static final class Run {
        int files;
        int failed;
        long records;
        long attributed;
        int states;
    }

    private record FileKey(String key, LocalDate day) {}

    private record Outcome(FileKey file, long records, long attributed, String parseError, String downloadError) {}

    private Run readPrefix(S3Client s3, Account account, String bucket, String prefix, List<String> errors) {
        Run run = new Run();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        TrailCursor cursor = trails.cursor(account.id(), bucket, prefix).orElse(null);
        LocalDate backfillStart = today.minusDays(settings.backfillDays());
        LocalDate start = cursor == null || cursor.completeThrough() == null ? backfillStart : cursor.completeThrough().plusDays(1);
        Set<String> already = trails.readObjects(account.id(), bucket, prefix);
        List<FileKey> pending = new ArrayList<>();
        String startAfter = prefix + start.format(DAY);
        for (var page : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix).startAfter(startAfter))) {
            for (S3Object o : page.contents()) {
                String key = o.key();
                Matcher m = DAY_IN_KEY.matcher(key.substring(prefix.length()));
                if (!key.endsWith(".json.gz") || !m.find() || already.contains(key)) {
                    continue;
                }
                LocalDate day;
                try {
                    day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                } catch (java.time.DateTimeException e) {
                    continue;
                }
                if (!day.isBefore(start)) {
                    pending.add(new FileKey(key, day));
                }
            }
        }
        String[] parts = prefix.split("/");
        String region = parts[parts.length - 1];
        String logAccount = parts.length >= 3 ? parts[parts.length - 3] : account.externalId();
        UsageTally tally = new UsageTally();
        List<Outcome> outcomes = parseAll(s3, bucket, pending, tally);
        UsageTally.Result result = tally.evidence(mapping);
        evidence.merge(result.evidence());
        evidence.mergeLogged(logAccount, result.logged());
        evidence.mergeUnmapped(result.unmapped());
        LocalDate firstFailedDownload = null;
        LocalDate firstDay = null;
        for (Outcome o : outcomes) {
            if (o.downloadError() != null) {
                errors.add(o.file().key() + ": " + o.downloadError());
                if (firstFailedDownload == null || o.file().day().isBefore(firstFailedDownload)) {
                    firstFailedDownload = o.file().day();
                }
                continue;
            }
            run.files++;
            run.records += o.records();
            run.attributed += o.attributed();
            if (o.parseError() != null) {
                run.failed++;
                errors.add(o.file().key() + ": " + o.parseError());
            }
            if (firstDay == null || o.file().day().isBefore(firstDay)) {
                firstDay = o.file().day();
            }
            trails.markRead(account.id(), bucket, prefix, o.file().key(), o.file().day(), o.records(), o.parseError());
        }
        run.states = tally.size();
        LocalDate complete = today.minusDays(settings.lateDays());
        if (firstFailedDownload != null && !firstFailedDownload.minusDays(1).isAfter(complete)) {
            complete = firstFailedDownload.minusDays(1);
        }
        LocalDate previous = cursor == null ? null : cursor.completeThrough();
        if (previous != null && complete.isBefore(previous)) {
            complete = previous;
        }
        LocalDate coverage = cursor != null && cursor.coverageStart() != null ? cursor.coverageStart()
                : firstDay == null ? null : firstDay.isAfter(backfillStart) ? firstDay : backfillStart;
        trails.saveCursor(new TrailCursor(account.id(), bucket, prefix, logAccount, region, coverage, complete, clock.instant()));
        trails.pruneRead(account.id(), bucket, prefix, complete);
        return run;
    }

    private List<Outcome> parseAll(S3Client s3, String bucket, List<FileKey> files, UsageTally total) {
        if (files.isEmpty()) {
            return List.of();
        }
        int threads = Math.min(settings.threads(), files.size());
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cloudtrail-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<UsageTally>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    UsageTally mine = new UsageTally();
                    CloudTrailLogParser parser = new CloudTrailLogParser();
                    for (int n = next.getAndIncrement(); n < files.size(); n = next.getAndIncrement()) {
                        outcomes.add(parseOne(s3, bucket, files.get(n), parser, mine));
                    }
                    return mine;
                }));
            }
            for (Future<UsageTally> f : futures) {
                total.merge(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading CloudTrail logs", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("CloudTrail reading failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    private Outcome parseOne(S3Client s3, String bucket, FileKey file, CloudTrailLogParser parser, UsageTally tally) {
        InputStream raw;
        try {
            raw = s3.getObject(r -> r.bucket(bucket).key(file.key()));
        } catch (RuntimeException e) {
            return new Outcome(file, 0, 0, null, AwsErrors.describe(e));
        }
        // events of a file are tallied only when the whole file parsed: a file cut short counts nothing
        UsageTally local = new UsageTally();
        try (InputStream in = new GZIPInputStream(new Bounded(new BufferedInputStream(raw, 64 * 1024), Long.MAX_VALUE), 64 * 1024);
             InputStream bounded = new Bounded(in, settings.maxBytesPerFile())) {
            CloudTrailLogParser.FileResult r = parser.parse(bounded, local);
            tally.merge(local);
            return new Outcome(file, r.records(), r.attributed(), null, null);
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            if (e instanceof software.amazon.awssdk.core.exception.SdkException) {
                return new Outcome(file, 0, 0, null, AwsErrors.describe(e));
            }
            return new Outcome(file, 0, 0, message.length() > 300 ? message.substring(0, 300) : message, null);
        }
    }

    /** Fails once more than {@code limit} bytes were read. */
    static final class Bounded extends FilterInputStream {
        private final long limit;
        private long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > limit) {
                throw new IOException("log file larger than " + limit + " bytes decompressed");
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0 && (count += n) > limit) {
                throw new IOException("log file larger than " + limit + " bytes decompressed");
            }
            return n;
        }
    }
}
