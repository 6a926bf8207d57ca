package io.watchkeeper.watchers.aws.iam;

import static io.watchkeeper.watchers.aws.iam.IamRoleWatcherTest.ARN;
import static io.watchkeeper.watchers.aws.iam.IamRoleWatcherTest.allow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.aws.IamInlinePolicy;
import io.watchkeeper.core.config.aws.IamUserConfig;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.FaultProxy;
import io.watchkeeper.watchers.testing.Moto;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.StatusType;

class IamUserWatcherTest extends AwsWatcherTestSupport {

    private final IamUserWatcher watcher = new IamUserWatcher();

    @Test
    void readsPermissionsAndCredentialsOfAConfiguredUser() {
        IamClient iam = moto.client(IamClient.builder());
        iam.createUser(r -> r.userName("alice").path("/people/").tags(t -> t.key("team").value("ops")));
        iam.putUserPolicy(r -> r.userName("alice").policyName("own-keys").policyDocument(allow("iam:CreateAccessKey")));
        String readOnly = iam.createPolicy(r -> r.policyName("read-only").policyDocument(allow("s3:Get*"))).policy().arn();
        iam.attachUserPolicy(r -> r.userName("alice").policyArn(readOnly));
        // moto does not implement user permissions boundaries; the boundary mapping is shared with roles and tested there
        iam.createGroup(r -> r.groupName("ops"));
        iam.createGroup(r -> r.groupName("devs"));
        iam.addUserToGroup(r -> r.groupName("ops").userName("alice"));
        iam.addUserToGroup(r -> r.groupName("devs").userName("alice"));
        iam.createLoginProfile(r -> r.userName("alice").password("Correct-Horse-9"));
        String first = iam.createAccessKey(r -> r.userName("alice")).accessKey().accessKeyId();
        String second = iam.createAccessKey(r -> r.userName("alice")).accessKey().accessKeyId();
        iam.updateAccessKey(r -> r.userName("alice").accessKeyId(second).status(StatusType.INACTIVE));
        String mfa = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("alice-phone")).virtualMFADevice().serialNumber();
        iam.enableMFADevice(r -> r.userName("alice").serialNumber(mfa).authenticationCode1("123456")
                .authenticationCode2("654321"));

        var observed = observe(watcher, "us-east-1");
        assertThat(observed).hasSize(1);
        var o = (Observation.Observed<IamUserConfig>) observed.getFirst();
        assertThat(o.resourceId()).isEqualTo(ARN + "user/people/alice");
        assertThat(o.name()).isEqualTo("alice");
        assertThat(o.region()).isEqualTo(WatchScope.GLOBAL);

        IamUserConfig c = o.config();
        assertThat(c.userName()).isEqualTo("alice");
        assertThat(c.arn()).isEqualTo(ARN + "user/people/alice");
        assertThat(c.path()).isEqualTo("/people/");
        assertThat(c.userId()).isNotBlank();
        assertThat(c.createDate()).isNotNull();
        assertThat(c.inlinePolicies()).extracting(IamInlinePolicy::name).containsExactly("own-keys");
        assertThat(c.inlinePolicies().getFirst().document().json().at("/Statement/0/Action").asString())
                .isEqualTo("iam:CreateAccessKey");
        assertThat(c.attachedPolicyArns()).containsExactly(readOnly);
        assertThat(c.groups()).containsExactly("devs", "ops");
        assertThat(c.tags()).isEqualTo(Map.of("team", "ops"));

        assertThat(c.passwordEnabled()).isTrue();
        assertThat(c.passwordLastChanged()).isNotNull();
        assertThat(c.passwordLastUsed()).isNull();
        assertThat(c.mfaActive()).isTrue();
        assertThat(c.accessKeys()).extracting(IamUserConfig.AccessKey::slot, IamUserConfig.AccessKey::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, true), org.assertj.core.groups.Tuple.tuple(2, false));
        // the report names no key ids; ListAccessKeys does (code scanning joins keys found in code by id)
        assertThat(c.accessKeys()).extracting(IamUserConfig.AccessKey::accessKeyId).containsExactly(first, second);
        assertThat(c.accessKeys()).allSatisfy(k -> {
            assertThat(k.lastRotated()).isNotNull();
            assertThat(k.lastUsedDate()).isNull();
            assertThat(k.lastUsedRegion()).isNull();
            assertThat(k.lastUsedService()).isNull();
        });
    }

    @Test
    void aBareUserHasNoPasswordNoKeysNoMfa() {
        IamClient iam = moto.client(IamClient.builder());
        iam.createUser(r -> r.userName("bob"));
        iam.createUser(r -> r.userName("carol"));
        iam.createLoginProfile(r -> r.userName("carol").password("Correct-Horse-9"));
        iam.createAccessKey(r -> r.userName("carol"));

        Map<String, IamUserConfig> users = configs(watcher, "us-east-1");
        assertThat(users).containsOnlyKeys("bob", "carol");
        IamUserConfig bob = users.get("bob");
        assertThat(bob.arn()).isEqualTo(ARN + "user/bob");
        assertThat(bob.path()).isEqualTo("/");
        assertThat(bob.inlinePolicies()).isEmpty();
        assertThat(bob.attachedPolicyArns()).isEmpty();
        assertThat(bob.groups()).isEmpty();
        assertThat(bob.permissionsBoundaryArn()).isNull();
        assertThat(bob.tags()).isEmpty();
        assertThat(bob.passwordEnabled()).isFalse();
        assertThat(bob.passwordLastChanged()).isNull();
        assertThat(bob.passwordLastUsed()).isNull();
        assertThat(bob.mfaActive()).isFalse();
        assertThat(bob.accessKeys()).isEmpty();

        IamUserConfig carol = users.get("carol");
        assertThat(carol.passwordEnabled()).isTrue();
        assertThat(carol.mfaActive()).isFalse();
        assertThat(carol.accessKeys()).extracting(IamUserConfig.AccessKey::slot, IamUserConfig.AccessKey::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, true));
    }

    @Test
    void aDeniedCredentialReportFailsTheScope() throws Exception {
        IamClient iam = moto.client(IamClient.builder());
        iam.createUser(r -> r.userName("alice"));
        try (FaultProxy proxy = new FaultProxy(moto.endpoint())) {
            proxy.fail(seen -> seen.body().contains("Action=GenerateCredentialReport"), new FaultProxy.Fault(403,
                    "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not "
                            + "authorized to perform: iam:GenerateCredentialReport</Message></Error>"
                            + "<RequestId>1</RequestId></ErrorResponse>"));
            Moto.pointProductAt(proxy.endpoint());

            assertThatThrownBy(() -> observe(watcher, "us-east-1"))
                    .isInstanceOfSatisfying(WatchkeeperException.class,
                            e -> assertThat(e.category()).isEqualTo(ErrorCategory.DENIED))
                    .hasMessageContaining("AccessDenied");
            assertThat(proxy.faultsServed()).isEqualTo(1);
        } finally {
            Moto.pointProductAt(moto.endpoint());
        }
    }

    @Test
    void withoutListAccessKeysTheKeyIdsStayUnknownAndTheUserIsStillRead() throws Exception {
        IamClient iam = moto.client(IamClient.builder());
        iam.createUser(r -> r.userName("dave"));
        iam.createUser(r -> r.userName("erin"));
        iam.createAccessKey(r -> r.userName("dave"));
        iam.createAccessKey(r -> r.userName("erin"));
        try (FaultProxy proxy = new FaultProxy(moto.endpoint())) {
            proxy.fail(seen -> seen.body().contains("Action=ListAccessKeys"), new FaultProxy.Fault(403,
                    "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not "
                            + "authorized to perform: iam:ListAccessKeys</Message></Error>"
                            + "<RequestId>1</RequestId></ErrorResponse>"));
            Moto.pointProductAt(proxy.endpoint());

            Map<String, IamUserConfig> users = configs(watcher, "us-east-1");

            assertThat(users).containsOnlyKeys("dave", "erin");
            assertThat(users.values()).allSatisfy(u -> assertThat(u.accessKeys()).singleElement()
                    .satisfies(k -> {
                        assertThat(k.active()).isTrue();
                        assertThat(k.accessKeyId()).isNull();
                    }));
            // denied once, not asked again for the next user
            assertThat(proxy.faultsServed()).isEqualTo(1);
        } finally {
            Moto.pointProductAt(moto.endpoint());
        }
    }

    @Test
    void usersTheReportDoesNotCoverYetAreUnreadable() throws Exception {
        IamClient iam = moto.client(IamClient.builder());
        iam.createUser(r -> r.userName("alice"));
        iam.createUser(r -> r.userName("bob"));
        iam.createUser(r -> r.userName("carol"));
        var seconds = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
        String aliceCreated = seconds.format(iam.getUser(r -> r.userName("alice")).user().createDate());
        String report = IamCredentialReportTest.HEADER + "\n" + IamCredentialReportTest.ROOT + "\n"
                + IamCredentialReportTest.BOB.replace("bob,", "alice,").replace("user/bob", "user/alice")
                        .replace("2021-01-02T03:04:05+00:00", aliceCreated) + "\n"
                + IamCredentialReportTest.BOB + "\n";
        try (FaultProxy proxy = new FaultProxy(moto.endpoint())) {
            proxy.fail(seen -> seen.body().contains("Action=GetCredentialReport"), new FaultProxy.Fault(200, "text/xml",
                    "<GetCredentialReportResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                            + "<GetCredentialReportResult><Content>"
                            + Base64.getEncoder().encodeToString(report.getBytes(StandardCharsets.UTF_8))
                            + "</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>2024-01-01T00:00:00Z"
                            + "</GeneratedTime></GetCredentialReportResult><ResponseMetadata><RequestId>1</RequestId>"
                            + "</ResponseMetadata></GetCredentialReportResponse>"));
            Moto.pointProductAt(proxy.endpoint());

            Map<String, Observation<IamUserConfig>> byName = observe(watcher, "us-east-1").stream()
                    .collect(Collectors.toMap(o -> switch (o) {
                        case Observation.Observed<IamUserConfig> ok -> ok.name();
                        case Observation.Unreadable<IamUserConfig> bad -> bad.name();
                    }, o -> o));

            assertThat(byName).containsOnlyKeys("alice", "bob", "carol");
            assertThat(byName.get("alice")).isInstanceOf(Observation.Observed.class);
            // bob's row is older than bob (an earlier user of that name); carol is not in the report at all
            assertThat(byName.get("bob")).isInstanceOfSatisfying(Observation.Unreadable.class,
                    u -> assertThat(u.message()).contains("credential report"));
            assertThat(byName.get("carol")).isInstanceOf(Observation.Unreadable.class);
        } finally {
            Moto.pointProductAt(moto.endpoint());
        }
    }

    @Test
    void lastUseIsEphemeral() {
        assertThat(EphemeralPaths.of(IamUserConfig.class).describe()).containsExactlyInAnyOrder("passwordLastUsed",
                "accessKeys/*/lastUsedDate", "accessKeys/*/lastUsedRegion", "accessKeys/*/lastUsedService");
    }
}
