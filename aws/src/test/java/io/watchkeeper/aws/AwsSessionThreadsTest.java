package io.watchkeeper.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.model.Account;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sessions of many accounts, each using a client of every service, must not cost threads per
 * client or per account: with 42 types on 200 accounts the SDK's own timer pool per client (up to
 * five threads each, some 14,000 clients) exhausted the OS thread limit.
 */
class AwsSessionThreadsTest {

    /** One cheap call on every service a session offers. */
    static final List<Consumer<AwsSession>> EVERY_SERVICE = List.of(
            s -> s.iam().listUsers(),
            s -> s.s3().listBuckets(),
            s -> s.s3control().getPublicAccessBlock(r -> r.accountId(s.accountId())),
            s -> s.ec2("eu-west-1").describeRegions(),
            s -> s.acm("eu-west-1").listCertificates(),
            s -> s.kms("eu-west-1").listKeys(),
            s -> s.sqs("eu-west-1").listQueues(),
            s -> s.sns("eu-west-1").listTopics(),
            s -> s.lambda("eu-west-1").listFunctions(),
            s -> s.rds("eu-west-1").describeDBInstances(),
            s -> s.cloudTrail("eu-west-1").describeTrails(),
            s -> s.organizations().describeOrganization(),
            s -> s.logs("eu-west-1").describeLogGroups(),
            s -> s.cloudWatch("eu-west-1").describeAlarms(),
            s -> s.config("eu-west-1").describeConfigurationRecorders(),
            s -> s.guardDuty("eu-west-1").listDetectors(r -> {}),
            s -> s.accessAnalyzer("eu-west-1").listAnalyzers(r -> {}),
            s -> s.securityHub("eu-west-1").describeHub(r -> {}),
            s -> s.elbv2("eu-west-1").describeLoadBalancers(),
            s -> s.elb("eu-west-1").describeLoadBalancers(),
            s -> s.secretsManager("eu-west-1").listSecrets(),
            s -> s.eks("eu-west-1").listClusters(r -> {}),
            s -> s.ecr("eu-west-1").describeRepositories(),
            s -> s.efs("eu-west-1").describeFileSystems());

    private StubbedAws aws;

    @BeforeEach
    void pointAtStub() throws Exception {
        aws = new StubbedAws();
    }

    @AfterEach
    void restore() {
        aws.close();
    }

    /** The factory of the session tests: 10 calls per account, 64 connections, one attempt. */
    static AwsSessionFactory factory() {
        return StubbedAws.factory(StubbedAws.settings(10, 64, Duration.ofSeconds(30), 1));
    }

    /** {@link StubbedAws#account}, kept for the tests that name it here. */
    static Account account(int n) {
        return StubbedAws.account(n);
    }

    /** Opens the account, makes one call with every service client, closes the session. */
    static int useEveryService(AwsSessionFactory factory, Account account) {
        int failed = 0;
        try (AwsSession session = factory.open(account)) {
            assertThat(session.accountId()).isEqualTo(account.externalId());
            for (Consumer<AwsSession> call : EVERY_SERVICE) {
                try {
                    call.accept(session);
                } catch (RuntimeException refused) {
                    failed++; // the stub refuses everything but STS: the round trip is what counts
                }
            }
        }
        return failed;
    }

    @Test
    void threeHundredAccountsWithEveryServiceClientKeepTheThreadCountBounded() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(4, 4, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
        workers.prestartAllCoreThreads();
        try (AwsSessionFactory factory = factory()) {
            // one account first, so the process-wide threads (connection reaper, JDK helpers) exist before the baseline
            assertThat(useEveryService(factory, account(0))).isEqualTo(EVERY_SERVICE.size());
            int baseline = threads.getThreadCount();
            threads.resetPeakThreadCount();
            AtomicInteger refused = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int n = 1; n <= 300; n++) {
                Account account = account(n);
                done.add(workers.submit(() -> refused.addAndGet(useEveryService(factory, account))));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
            // every client really made its call (and was refused by the stub)
            assertThat(refused.get()).isEqualTo(300 * EVERY_SERVICE.size());
            int peak = threads.getPeakThreadCount();
            assertThat(peak - baseline)
                    .as("threads added by 300 accounts x %d service clients (baseline %d, peak %d)",
                            EVERY_SERVICE.size(), baseline, peak)
                    .isLessThan(50);
        } finally {
            workers.shutdownNow();
        }
    }
}
