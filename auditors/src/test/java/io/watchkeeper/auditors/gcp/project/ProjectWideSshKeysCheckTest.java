package io.watchkeeper.auditors.gcp.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class ProjectWideSshKeysCheckTest {

    private final ProjectWideSshKeysCheck check = new ProjectWideSshKeysCheck();

    @Test
    void eachProjectWideKeyIsOneFinding() {
        assertThat(check.evaluate(ProjectOsLoginDisabledCheckTest.project(",'sshKeys':[{'user':'alice','keyType':'ssh-ed25519',"
                + "'fingerprint':'SHA256:abc'},{'user':'bob','keyType':'ssh-rsa','fingerprint':'SHA256:def'}]"), new TestContext()))
                .extracting(Evidence::key).containsExactly("ssh-key:SHA256:abc", "ssh-key:SHA256:def");
    }

    @Test
    void noKeysNoFinding() {
        assertThat(check.evaluate(ProjectOsLoginDisabledCheckTest.project(",'sshKeys':[]"), new TestContext())).isEmpty();
        assertThat(check.evaluate(ProjectOsLoginDisabledCheckTest.project(",'metadataKeys':['ssh-keys-audit']"), new TestContext())).isEmpty();
    }
}
