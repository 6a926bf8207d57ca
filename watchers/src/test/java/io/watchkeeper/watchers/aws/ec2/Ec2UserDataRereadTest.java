package io.watchkeeper.watchers.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.Ec2InstanceConfig;
import io.watchkeeper.core.secrets.FoundSecret;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.FaultProxy;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.watchers.testing.WireStub;
import io.watchkeeper.watchers.testing.WireStub.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * User data can change only while an instance is stopped, and a start sets a new launch time: a
 * repeat watch of an instance that is not stopped reuses the earlier scan of the same launch instead
 * of calling DescribeInstanceAttribute again; stopped instances and new launches are read again.
 * Requests to moto are counted by a pass-through {@link FaultProxy}.
 */
class Ec2UserDataRereadTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private static final String SLACK_A = "xoxb-" + "12345678901-123456789012-" + "Zq81LmX0pa7Rt2Vw9YcB4nK6";
    private static final String SLACK_B = "xoxb-" + "10987654321-210987654321-" + "Hd72PqY3mv5Lc8Xs1WeR9tJ0";

    private final Ec2InstanceWatcher watcher = new Ec2InstanceWatcher();
    private final List<String> actions = Collections.synchronizedList(new ArrayList<>());
    private FaultProxy proxy;
    private Ec2Client ec2;
    private String ami;

    @BeforeEach
    void countRequests() throws Exception {
        proxy = new FaultProxy(moto.endpoint());
        proxy.fail(seen -> {
            actions.add(seen.body().replaceAll("^Action=([A-Za-z]+).*$", "$1"));
            return false;
        }, FaultProxy.Fault.serverError());
        Moto.pointProductAt(proxy.endpoint());
        ec2 = moto.client(Ec2Client.builder(), REGION);
        ami = ec2.registerImage(r -> r.name("base-image")).imageId();
    }

    @AfterEach
    void stopCounting() {
        Moto.pointProductAt(moto.endpoint());
        proxy.close();
    }

    @Test
    void aSecondWatchOfAnUnchangedRunningInstanceMakesNoUserDataCall() {
        String id = launch(SLACK_A);

        AtomicReference<FoundSecret> firstSeen = new AtomicReference<>();
        assertThat(attributeCalls(() -> firstSeen.set(secretOf(id)))).as("first watch").isEqualTo(1);
        FoundSecret first = firstSeen.get();
        nextRun();
        AtomicReference<Map<String, Ec2InstanceConfig>> seen = new AtomicReference<>();
        assertThat(attributeCalls(() -> seen.set(watch()))).as("DescribeInstanceAttribute calls of the repeat watch")
                .isZero();
        Map<String, Ec2InstanceConfig> again = seen.get();
        assertThat(again.get(id).state()).isEqualTo("running");
        assertThat(again.get(id).userDataSecrets()).containsExactly(first);
        assertThat(first.ruleId()).isEqualTo("slack-token");
        assertThat(first.masked()).doesNotContain(SLACK_A.substring(10));
    }

    @Test
    void aStoppedInstanceIsReadEveryWatch() {
        String id = launch(SLACK_A);
        ec2.stopInstances(r -> r.instanceIds(id));

        assertThat(attributeCalls(this::watch)).isEqualTo(1);
        nextRun();
        assertThat(attributeCalls(this::watch)).isEqualTo(1);
        // modified while stopped (the only time AWS allows it): the next watch sees it
        ec2.modifyInstanceAttribute(r -> r.instanceId(id).userData(v -> v.value(software.amazon.awssdk.core.SdkBytes.fromUtf8String(base64("#!/bin/bash\nexport SLACK_TOKEN=" + SLACK_B + "\n")))));
        AtomicReference<Map<String, Ec2InstanceConfig>> seen = new AtomicReference<>();
        assertThat(attributeCalls(() -> seen.set(watch()))).isEqualTo(1);
        assertThat(seen.get().get(id).state()).isEqualTo("stopped");
        assertThat(seen.get().get(id).userDataSecrets()).singleElement()
                .satisfies(f -> assertThat(f.hash()).isEqualTo(hashOf(SLACK_B)));
    }

    /**
     * moto 5.2.1 keeps {@code launchTime} on StartInstances (AWS sets a new one), so with moto the
     * change is seen by the watch made while the instance was stopped; the new-launch-time path is
     * covered with a wire stub in {@link #aNewLaunchTimeIsReadAgainAndItsNewSecretFound}.
     */
    @Test
    void anInstanceStoppedModifiedAndStartedReportsItsNewSecret() {
        String id = launch(SLACK_A);
        assertThat(watch().get(id).userDataSecrets()).singleElement()
                .satisfies(f -> assertThat(f.hash()).isEqualTo(hashOf(SLACK_A)));
        ec2.stopInstances(r -> r.instanceIds(id));
        ec2.modifyInstanceAttribute(r -> r.instanceId(id).userData(v -> v.value(software.amazon.awssdk.core.SdkBytes.fromUtf8String(base64("#!/bin/bash\nexport SLACK_TOKEN=" + SLACK_B + "\n")))));
        assertThat(attributeCalls(this::watch)).as("stopped: read").isEqualTo(1);
        nextRun();
        ec2.startInstances(r -> r.instanceIds(id));

        AtomicReference<Map<String, Ec2InstanceConfig>> seen = new AtomicReference<>();
        assertThat(attributeCalls(() -> seen.set(watch()))).as("running again, same launch as the stopped read").isZero();
        assertThat(seen.get().get(id).state()).isEqualTo("running");
        assertThat(seen.get().get(id).userDataSecrets()).singleElement()
                .satisfies(f -> assertThat(f.hash()).isEqualTo(hashOf(SLACK_B)));
    }

    /** AWS's behaviour: stopped, modified and started between two watches; the start's new launch time says so. */
    @Test
    void aNewLaunchTimeIsReadAgainAndItsNewSecretFound() {
        AtomicReference<String> launchTime = new AtomicReference<>("2026-12-01T10:00:00.000Z");
        AtomicReference<String> userData = new AtomicReference<>(base64("#!/bin/bash\nexport SLACK_TOKEN=" + SLACK_A + "\n"));
        try (WireStub stub = WireStub.start(r -> switch (r.action()) {
            case "DescribeInstances" -> ec2Reply(r, "<reservationSet><item><reservationId>r-0a1</reservationId>"
                    + "<ownerId>" + Moto.ACCOUNT_ID + "</ownerId><groupSet/><instancesSet><item>"
                    + "<instanceId>i-0a1b2c3d4e5f60718</instanceId><instanceState><code>16</code><name>running</name>"
                    + "</instanceState><launchTime>" + launchTime.get() + "</launchTime></item></instancesSet></item>"
                    + "</reservationSet>");
            case "DescribeInstanceAttribute" -> ec2Reply(r, "<instanceId>i-0a1b2c3d4e5f60718</instanceId><userData><value>"
                    + userData.get() + "</value></userData>");
            default -> null;
        })) {
            serveFrom("Ec2", stub);
            Supplier<Long> calls = () -> stub.requests().stream().filter(q -> q.action().equals("DescribeInstanceAttribute"))
                    .count();

            assertThat(watch().get("i-0a1b2c3d4e5f60718").userDataSecrets()).singleElement()
                    .satisfies(f -> assertThat(f.hash()).isEqualTo(hashOf(SLACK_A)));
            assertThat(calls.get()).isEqualTo(1);
            nextRun();
            assertThat(watch().get("i-0a1b2c3d4e5f60718").userDataSecrets()).singleElement()
                    .satisfies(f -> assertThat(f.hash()).isEqualTo(hashOf(SLACK_A)));
            assertThat(calls.get()).as("same launch: no call").isEqualTo(1);

            userData.set(base64("#!/bin/bash\nexport SLACK_TOKEN=" + SLACK_B + "\n"));
            launchTime.set("2026-12-07T18:30:00.000Z");
            nextRun();
            Ec2InstanceConfig relaunched = watch().get("i-0a1b2c3d4e5f60718");
            assertThat(calls.get()).as("new launch: read again").isEqualTo(2);
            assertThat(relaunched.userDataSecrets()).singleElement()
                    .satisfies(f -> assertThat(f.hash()).isEqualTo(hashOf(SLACK_B)));
        }
    }

    @Test
    void aFailedReadLeavesTheInstanceUnreadableAndIsTriedAgainNextWatch() {
        String id = launch(SLACK_A);
        proxy.fail(seen -> seen.body().startsWith("Action=DescribeInstanceAttribute"), FaultProxy.Fault.serverError());

        List<Observation<Ec2InstanceConfig>> failed = observe(watcher, REGION);
        assertThat(failed).singleElement().isInstanceOf(Observation.Unreadable.class);

        proxy.clear();
        proxy.fail(seen -> {
            actions.add(seen.body().replaceAll("^Action=([A-Za-z]+).*$", "$1"));
            return false;
        }, FaultProxy.Fault.serverError());
        AtomicReference<Map<String, Ec2InstanceConfig>> seen = new AtomicReference<>();
        assertThat(attributeCalls(() -> seen.set(watch()))).as("nothing was kept from the failure").isEqualTo(1);
        assertThat(seen.get().get(id).userDataSecrets()).singleElement()
                .satisfies(f -> assertThat(f.hash()).isEqualTo(hashOf(SLACK_A)));
    }

    @Test
    void theScansAreBoundedAndKeyedByAccountAndRegion() {
        UserDataScans scans = new UserDataScans(2);
        var running = software.amazon.awssdk.services.ec2.model.Instance.builder().instanceId("i-1")
                .launchTime(java.time.Instant.parse("2026-12-01T10:00:00Z"))
                .state(s -> s.name(software.amazon.awssdk.services.ec2.model.InstanceStateName.RUNNING)).build();
        List<FoundSecret> none = List.of();
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        Supplier<List<FoundSecret>> read = () -> {
            reads.incrementAndGet();
            return none;
        };
        scans.secrets("111111111111", REGION, running, read);
        scans.secrets("222222222222", REGION, running, read);
        scans.secrets("111111111111", "us-east-1", running, read);
        assertThat(reads).as("other account, other region: not shared").hasValue(3);
        assertThat(scans.size()).isEqualTo(2);
        scans.secrets("111111111111", "us-east-1", running, read);
        assertThat(reads).hasValue(3);
        scans.secrets("111111111111", REGION, running, read);
        assertThat(reads).as("the eldest entry was dropped").hasValue(4);
    }

    private String launch(String token) {
        String id = ec2.runInstances(r -> r.imageId(ami).minCount(1).maxCount(1)
                .userData(base64("#!/bin/bash\nexport SLACK_TOKEN=" + token + "\n"))).instances().getFirst().instanceId();
        return id;
    }

    private Map<String, Ec2InstanceConfig> watch() {
        return configs(watcher, REGION);
    }

    private FoundSecret secretOf(String id) {
        List<FoundSecret> found = watch().get(id).userDataSecrets();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private int attributeCalls(Runnable watch) {
        int before = attributeCallCount();
        watch.run();
        return attributeCallCount() - before;
    }

    private int attributeCallCount() {
        synchronized (actions) {
            return (int) actions.stream().filter("DescribeInstanceAttribute"::equals).count();
        }
    }

    private static String hashOf(String token) {
        return io.watchkeeper.core.secrets.ConfigSecrets.scanUserData("export SLACK_TOKEN=" + token)
                .getFirst().hash();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Reply ec2Reply(WireStub.Request r, String body) {
        return Reply.xml("<" + r.action() + "Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>" + body + "</" + r.action() + "Response>");
    }
}
