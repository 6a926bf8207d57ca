package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.ADMIN_ARN;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.ALLOW_ALL;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.DENY_ALL;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.READ_ONLY_ARN;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.doc;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.group;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.inline;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.policy;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;

class IamUserAdminUserCheckTest {

    private static final String GOD_ARN = "arn:aws:iam::" + TestContext.OWNER + ":policy/god";

    private final IamUserAdminUserCheck check = new IamUserAdminUserCheck();
    private final TestContext context = new TestContext()
            .with("aws.iam.policy", "global", "god", policy("god", doc(ALLOW_ALL)))
            .with("aws.iam.group", "global", "admins", group("admins", List.of(), List.of(ADMIN_ARN)))
            .with("aws.iam.group", "global", "ops", group("ops", List.of(), List.of(GOD_ARN)))
            .with("aws.iam.group", "global", "devs", group("devs", List.of(inline("deny", DENY_ALL)),
                    List.of(READ_ONLY_ARN)));

    @Test
    void ownAndGroupAdministratorAccessIsReported() {
        var evidence = check.evaluate(user(List.of(inline("root-like", ALLOW_ALL)), List.of(ADMIN_ARN, GOD_ARN),
                List.of("admins", "devs", "ops")), context);
        assertThat(evidence).extracting(Evidence::key).containsExactly("inline:root-like", "attached:" + ADMIN_ARN,
                "attached:" + GOD_ARN, "group:admins", "group:ops");
        assertThat(evidence.get(3).message()).contains("admins").contains("attached:" + ADMIN_ARN);
        assertThat(check.dependsOn()).contains(ResourceType.of("aws.iam.group"), ResourceType.of("aws.iam.policy"));
    }

    @Test
    void ordinaryUsersAreFine() {
        assertThat(check.evaluate(user(List.of(inline("deny", DENY_ALL)), List.of(READ_ONLY_ARN),
                List.of("devs", "missing-group")), context)).isEmpty();
        assertThat(check.evaluate(user(null, null, null), context)).isEmpty();
    }
}
