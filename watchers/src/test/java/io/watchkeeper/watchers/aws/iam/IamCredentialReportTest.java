package io.watchkeeper.watchers.aws.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.aws.IamUserConfig.AccessKey;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IamCredentialReportTest {

    static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
            + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
            + "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
            + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
            + "cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
    static final String ROOT = "<root_account>,arn:aws:iam::123456789012:root,2014-09-01T22:28:48+00:00,not_supported,"
            + "2024-05-01T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,"
            + "false,N/A,false,N/A";
    static final String ALICE = "alice,arn:aws:iam::123456789012:user/alice,2020-01-02T03:04:05+00:00,true,"
            + "2024-06-01T08:00:00+00:00,2023-01-01T00:00:00+00:00,2024-12-01T00:00:00+00:00,true,"
            + "true,2023-02-01T00:00:00+00:00,2024-06-02T09:30:00+00:00,eu-west-1,s3,"
            + "false,2022-01-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A";
    static final String BOB = "bob,arn:aws:iam::123456789012:user/bob,2021-01-02T03:04:05+00:00,false,N/A,N/A,N/A,false,"
            + "false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";

    @Test
    void parsesRowsByArnWithoutTheRootAccount() {
        Map<String, IamCredentialReport.Row> rows = IamCredentialReport.parse(HEADER + "\r\n" + ROOT + "\r\n" + ALICE + "\r\n"
                + BOB + "\r\n");

        assertThat(rows).containsOnlyKeys("arn:aws:iam::123456789012:user/alice", "arn:aws:iam::123456789012:user/bob");
        IamCredentialReport.Row alice = rows.get("arn:aws:iam::123456789012:user/alice");
        assertThat(alice.user()).isEqualTo("alice");
        assertThat(alice.userCreationTime()).isEqualTo(Instant.parse("2020-01-02T03:04:05Z"));
        assertThat(alice.passwordEnabled()).isTrue();
        assertThat(alice.passwordLastUsed()).isEqualTo(Instant.parse("2024-06-01T08:00:00Z"));
        assertThat(alice.passwordLastChanged()).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
        assertThat(alice.mfaActive()).isTrue();
        assertThat(alice.accessKeys()).containsExactly(
                new AccessKey(1, true, Instant.parse("2023-02-01T00:00:00Z"), Instant.parse("2024-06-02T09:30:00Z"),
                        "eu-west-1", "s3"),
                new AccessKey(2, false, Instant.parse("2022-01-01T00:00:00Z"), null, null, null));

        IamCredentialReport.Row bob = rows.get("arn:aws:iam::123456789012:user/bob");
        assertThat(bob.passwordEnabled()).isFalse();
        assertThat(bob.passwordLastUsed()).isNull();
        assertThat(bob.passwordLastChanged()).isNull();
        assertThat(bob.mfaActive()).isFalse();
        assertThat(bob.accessKeys()).isEmpty();
    }

    @Test
    void findsColumnsByTheirHeaderName() {
        String csv = "arn,mfa_active,user,password_enabled,access_key_1_active,access_key_1_last_rotated,new_column\n"
                + "arn:aws:iam::123456789012:user/x,false,x,false,true,2023-02-01T00:00:00+00:00,whatever\n";
        IamCredentialReport.Row x = IamCredentialReport.parse(csv).get("arn:aws:iam::123456789012:user/x");
        assertThat(x.user()).isEqualTo("x");
        assertThat(x.accessKeys()).containsExactly(new AccessKey(1, true, Instant.parse("2023-02-01T00:00:00Z"), null,
                null, null));
    }

    @Test
    void rejoinsUserNamesWithCommasAndReadsQuotedFields() {
        String unquoted = BOB.replace("bob,arn:aws:iam::123456789012:user/bob",
                "b,o,b,arn:aws:iam::123456789012:user/team,x/b,o,b");
        String quoted = BOB.replace("bob,arn:aws:iam::123456789012:user/bob",
                "\"c,d\",\"arn:aws:iam::123456789012:user/c,d\"");
        Map<String, IamCredentialReport.Row> rows = IamCredentialReport.parse(HEADER + "\n" + unquoted + "\n" + quoted);

        assertThat(rows.get("arn:aws:iam::123456789012:user/team,x/b,o,b").user()).isEqualTo("b,o,b");
        assertThat(rows.get("arn:aws:iam::123456789012:user/c,d").user()).isEqualTo("c,d");
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> IamCredentialReport.parse(""))
                .isInstanceOfSatisfying(WatchkeeperException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_RESPONSE));
        assertThatThrownBy(() -> IamCredentialReport.parse("user,arn,password_enabled\nx,arn:aws:iam::1:user/x,true\n"))
                .hasMessageContaining("mfa_active");
        assertThatThrownBy(() -> IamCredentialReport.parse(HEADER + "\n" + BOB.replace(",false,N/A,N/A,N/A,false,", ",maybe,N/A,N/A,N/A,false,")))
                .hasMessageContaining("password_enabled");
        assertThatThrownBy(() -> IamCredentialReport.parse(HEADER + "\n" + ALICE.replace("2023-02-01T00:00:00+00:00", "yesterday")))
                .hasMessageContaining("access_key_1_last_rotated");
        assertThatThrownBy(() -> IamCredentialReport.parse(HEADER + "\nbob,arn:aws:iam::123456789012:user/bob,false"))
                .hasMessageContaining("fields");
    }
}
