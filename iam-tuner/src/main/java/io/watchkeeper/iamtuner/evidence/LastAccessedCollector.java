package io.watchkeeper.iamtuner.evidence;

import io.watchkeeper.aws.AwsErrors;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.tuner.EvidenceSource;
import io.watchkeeper.core.tuner.EvidenceStore;
import io.watchkeeper.core.tuner.LastAccessedRun;
import io.watchkeeper.core.tuner.UsageEvidence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessAdvisorUsageGranularityType;
import software.amazon.awssdk.services.iam.model.GetServiceLastAccessedDetailsResponse;
import software.amazon.awssdk.services.iam.model.JobStatusType;
import software.amazon.awssdk.services.iam.model.ServiceLastAccessed;
import software.amazon.awssdk.services.iam.model.TrackedActionLastAccessed;

/**
 * IAM last-accessed data per principal ({@code GenerateServiceLastAccessedDetails} at
 * {@code ACTION_LEVEL}, then {@code GetServiceLastAccessedDetails} until the job completes): every
 * service the principal's policies allow with its last authentication, and for services AWS tracks at
 * action level, every tracked action with its last access. Stored per principal as a fresh snapshot.
 * When the API is not there (an emulator, a missing permission) the collector records that once per
 * principal and stops asking: plans then say they were decided on CloudTrail alone.
 */
public final class LastAccessedCollector {

    /** What one collection did. */
    public record Summary(int principals, int reports, int unavailable, String unavailableReason) {}

    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final EvidenceStore store;
    private final Clock clock;
    private final Duration maxWait;
    private final Duration poll;

    public LastAccessedCollector(EvidenceStore store, Clock clock, Duration maxWait, Duration poll) {
        this.store = store;
        this.clock = clock;
        this.maxWait = maxWait;
        this.poll = poll;
    }

    public Summary collect(IamClient iam, List<String> principalArns) {
        Map<String, String> jobs = new LinkedHashMap<>();
        String unavailable = null;
        for (String arn : principalArns) {
            if (unavailable != null) {
                store.replaceLastAccessed(arn, List.of(), new LastAccessedRun(arn, false, unavailable, clock.instant()));
                continue;
            }
            try {
                jobs.put(arn, iam.generateServiceLastAccessedDetails(r -> r.arn(arn)
                        .granularity(AccessAdvisorUsageGranularityType.ACTION_LEVEL)).jobId());
            } catch (RuntimeException e) {
                ErrorCategory category = AwsErrors.category(e);
                String reason = "IAM last-accessed data unavailable (" + AwsErrors.describe(e) + ")";
                store.replaceLastAccessed(arn, List.of(), new LastAccessedRun(arn, false, reason, clock.instant()));
                if (category != ErrorCategory.NOT_FOUND && category != ErrorCategory.THROTTLED) {
                    unavailable = reason; // the API itself is missing or refused: do not ask for every principal
                }
            }
        }
        int reports = 0;
        int failed = 0;
        Instant deadline = clock.instant().plus(maxWait);
        for (Map.Entry<String, String> job : jobs.entrySet()) {
            String arn = job.getKey();
            try {
                List<GetServiceLastAccessedDetailsResponse> pages = await(iam, job.getValue(), deadline);
                if (pages == null) {
                    failed++;
                    store.replaceLastAccessed(arn, List.of(), new LastAccessedRun(arn, false,
                            "IAM last-accessed report did not complete within " + maxWait.toSeconds() + " s", clock.instant()));
                    continue;
                }
                GetServiceLastAccessedDetailsResponse first = pages.getFirst();
                if (first.jobStatus() == JobStatusType.FAILED) {
                    failed++;
                    String why = first.error() == null ? "failed" : first.error().code() + " " + first.error().message();
                    store.replaceLastAccessed(arn, List.of(), new LastAccessedRun(arn, false,
                            "IAM last-accessed report failed: " + why, clock.instant()));
                    continue;
                }
                List<UsageEvidence> rows = new ArrayList<>();
                for (GetServiceLastAccessedDetailsResponse page : pages) {
                    for (ServiceLastAccessed s : page.servicesLastAccessed()) {
                        rows.addAll(rows(arn, s));
                    }
                }
                Instant generated = first.jobCompletionDate() == null ? clock.instant() : first.jobCompletionDate();
                store.replaceLastAccessed(arn, rows, new LastAccessedRun(arn, true, null, generated));
                reports++;
            } catch (RuntimeException e) {
                failed++;
                store.replaceLastAccessed(arn, List.of(), new LastAccessedRun(arn, false,
                        "IAM last-accessed data unavailable (" + AwsErrors.describe(e) + ")", clock.instant()));
            }
        }
        return new Summary(principalArns.size(), reports, principalArns.size() - reports, unavailable);
    }

    static List<UsageEvidence> rows(String arn, ServiceLastAccessed s) {
        String ns = s.serviceNamespace();
        if (ns == null || !NAMESPACE.matcher(ns).matches()) {
            return List.of();
        }
        List<UsageEvidence> rows = new ArrayList<>();
        rows.add(new UsageEvidence(arn, ns + ":*", EvidenceSource.LAST_ACCESSED_SERVICE, s.lastAuthenticated(), 0,
                s.lastAuthenticatedRegion()));
        if (s.hasTrackedActionsLastAccessed()) {
            for (TrackedActionLastAccessed a : s.trackedActionsLastAccessed()) {
                String name = a.actionName();
                if (name == null) {
                    continue;
                }
                if (name.startsWith(ns + ":")) {
                    name = name.substring(ns.length() + 1);
                }
                if (ACTION.matcher(name).matches()) {
                    rows.add(new UsageEvidence(arn, ns + ":" + name, EvidenceSource.LAST_ACCESSED_ACTION,
                            a.lastAccessedTime(), 0, a.lastAccessedRegion()));
                }
            }
        }
        return rows;
    }

    /** Every page of a completed (or failed) job; null when it is still running at the deadline. */
    private List<GetServiceLastAccessedDetailsResponse> await(IamClient iam, String jobId, Instant deadline) {
        while (true) {
            GetServiceLastAccessedDetailsResponse r = iam.getServiceLastAccessedDetails(b -> b.jobId(jobId).maxItems(1000));
            if (r.jobStatus() == JobStatusType.COMPLETED) {
                List<GetServiceLastAccessedDetailsResponse> pages = new ArrayList<>(List.of(r));
                GetServiceLastAccessedDetailsResponse page = r;
                int guard = 0;
                while (Boolean.TRUE.equals(page.isTruncated()) && page.marker() != null && guard++ < 100) {
                    String marker = page.marker();
                    page = iam.getServiceLastAccessedDetails(b -> b.jobId(jobId).maxItems(1000).marker(marker));
                    pages.add(page);
                }
                return pages;
            }
            if (r.jobStatus() == JobStatusType.FAILED) {
                return List.of(r);
            }
            if (!clock.instant().isBefore(deadline)) {
                return null;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
