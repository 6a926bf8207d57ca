package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.testing.RuleCase.fails;
import static io.watchkeeper.auditors.testing.RuleCase.passes;

import io.watchkeeper.auditors.testing.RuleCase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The root user (CIS 1.4–1.7), keys made at setup (1.11) or never used, server certificates (1.19). */
public class IamRulesTest {

    private static String ago(int days) {
        return Instant.now().minus(Duration.ofDays(days)).toString();
    }

    private static final String ROOT = "'accountId':'111111111111','arn':'arn:aws:iam::111111111111:root',"
            + "'inCredentialReport':true,";

    private static String key(int slot, boolean active, String rotated, String used) {
        return "{'slot':" + slot + ",'active':" + active + ",'lastRotated':'" + rotated + "'"
                + (used == null ? "" : ",'lastUsedDate':'" + used + "'") + "}";
    }

    public static final List<RuleCase> CASES = List.of(
            fails("aws.iam.root-account/access-keys", "{" + ROOT + "'accessKeys':[" + key(1, true, ago(400), ago(300))
                    + "],'accountAccessKeysPresent':true,'accountMfaEnabled':true}", "root:access-keys"),
            fails("aws.iam.root-account/access-keys", "{" + ROOT + "'accountAccessKeysPresent':true}", "root:access-keys"),
            passes("aws.iam.root-account/access-keys", "{" + ROOT + "'accessKeys':[" + key(1, false, ago(400), null)
                    + "],'accountAccessKeysPresent':false}", "an inactive key and the summary saying none"),
            passes("aws.iam.root-account/access-keys", "{" + ROOT + "'accessKeys':[]}", "no keys"),
            fails("aws.iam.root-account/no-mfa", "{" + ROOT + "'mfaActive':false,'accountMfaEnabled':false}", "root:mfa"),
            fails("aws.iam.root-account/no-mfa", "{" + ROOT + "'mfaActive':false}", "root:mfa"),
            passes("aws.iam.root-account/no-mfa", "{" + ROOT + "'mfaActive':false,'accountMfaEnabled':true}",
                    "the account summary (fresher than the report) says MFA is on"),
            passes("aws.iam.root-account/no-mfa", "{" + ROOT + "'virtualMfaDevices':[]}", "MFA unknown (emulator without a report row)"),
            fails("aws.iam.root-account/virtual-mfa", "{" + ROOT + "'accountMfaEnabled':true,"
                    + "'virtualMfaDevices':['arn:aws:iam::111111111111:mfa/root-account-mfa-device']}", "root:virtual-mfa"),
            passes("aws.iam.root-account/virtual-mfa", "{" + ROOT + "'accountMfaEnabled':true,'virtualMfaDevices':[]}",
                    "MFA on and no virtual device assigned: hardware"),
            passes("aws.iam.root-account/virtual-mfa", "{" + ROOT + "'accountMfaEnabled':false,'virtualMfaDevices':['x']}",
                    "no MFA is reported by no-mfa only"),
            fails("aws.iam.root-account/recently-used", "{" + ROOT + "'passwordLastUsed':'" + ago(1) + "','accessKeys':["
                    + key(1, true, ago(100), ago(2)) + "," + key(2, true, ago(100), ago(60)) + "]}", "root:console",
                    "root:key:slot1"),
            passes("aws.iam.root-account/recently-used", "{" + ROOT + "'passwordLastUsed':'" + ago(30) + "'}",
                    "last sign-in a month ago"),
            fails("aws.iam.root-account/signing-certificates", "{" + ROOT + "'activeSigningCertificates':1}",
                    "root:signing-certificates"),
            passes("aws.iam.root-account/signing-certificates", "{" + ROOT + "'activeSigningCertificates':0,"
                    + "'accountSigningCertificatesPresent':false}", "none"),
            fails("aws.iam.user/access-key-created-at-setup", "{'userName':'alice','passwordEnabled':true,'mfaActive':true,'accessKeys':["
                    + key(1, true, ago(3), null) + "," + key(2, true, ago(90), ago(1)) + "]}", "key:slot1"),
            passes("aws.iam.user/access-key-created-at-setup", "{'userName':'ci','passwordEnabled':false,'mfaActive':false,'accessKeys':["
                    + key(1, true, ago(3), null) + "]}", "a programmatic user's new key"),
            passes("aws.iam.user/access-key-created-at-setup", "{'userName':'bob','passwordEnabled':true,'mfaActive':true,'accessKeys':["
                    + key(1, false, ago(3), null) + "]}", "an inactive key"),
            fails("aws.iam.user/access-key-never-used", "{'userName':'ci','passwordEnabled':false,'mfaActive':false,'accessKeys':["
                    + key(1, true, ago(10), null) + "]}", "key:slot1"),
            passes("aws.iam.user/access-key-never-used", "{'userName':'ci','passwordEnabled':false,'mfaActive':false,'accessKeys':["
                    + key(1, true, ago(2), null) + "," + key(2, true, ago(60), null) + "," + key(3, true, ago(10), ago(1))
                    + "]}", "two days old; past 45 days (access-key-unused reports it); used"),
            fails("aws.iam.server-certificate/expired", "{'name':'old','expiration':'" + ago(1) + "'}", "expired"),
            passes("aws.iam.server-certificate/expired", "{'name':'new','expiration':'" + ago(-10) + "'}", "valid"),
            fails("aws.iam.server-certificate/expires-soon", "{'name':'soon','expiration':'" + ago(-10) + "'}",
                    "expires-soon"),
            passes("aws.iam.server-certificate/expires-soon", "{'name':'later','expiration':'" + ago(-90) + "'}",
                    "three months left"),
            passes("aws.iam.server-certificate/expires-soon", "{'name':'old','expiration':'" + ago(1) + "'}",
                    "expired is reported by expired only"));

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void decides(RuleCase example) {
        example.run();
    }
}
