package io.watchkeeper.certmanager.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.core.secret.AccountSecrets;
import io.watchkeeper.core.secret.SecretKind;
import io.watchkeeper.core.secret.SecretVault;
import io.watchkeeper.db.JooqAccountSecrets;
import io.watchkeeper.db.JooqAccountStore;
import io.watchkeeper.db.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Account secrets sealed at rest with the envelope encryption, bound to their account. */
class SealedAccountSecretsTest {

    private static final String TOKEN = "ghp_SuperSecretToken0123456789abcdefABCD";

    @TempDir
    Path dir;

    private final TestDatabase db = TestDatabase.fresh();
    private final DSLContext dsl = db.dsl();
    private final JooqAccountStore accounts = new JooqAccountStore(dsl);
    private final JooqAccountSecrets store = new JooqAccountSecrets(dsl);

    private Account account(String name, String org) {
        return accounts.add(new AccountSpec(Provider.GITHUB, name, org, null, List.of(), Map.of(), false));
    }

    @Test
    void aSecretIsSealedAtRestOpensForItsAccountOnlyAndIsReplaceable() {
        KeystoreKeyWrapper wrapper = new KeystoreKeyWrapper(dir.resolve("master-keys.p12"), null);
        SealedAccountSecrets vault = new SealedAccountSecrets(new KeySealer(wrapper), store);
        Account acme = account("acme", "acme-corp");
        Account other = account("other", "other-org");
        vault.store(acme.id(), SecretKind.GITHUB_TOKEN, TOKEN.getBytes(StandardCharsets.US_ASCII));

        SecretVault.Secret opened = vault.open(acme.id());
        assertThat(opened.kind()).isEqualTo(SecretKind.GITHUB_TOKEN);
        assertThat(new String(opened.value(), StandardCharsets.US_ASCII)).isEqualTo(TOKEN);
        assertThat(opened.toString()).doesNotContain(TOKEN);
        assertThat(vault.open(other.id())).isNull();

        // no table holds the plaintext, in any column
        for (String table : dsl.fetchValues("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").stream().map(Object::toString).toList()) {
            assertThat(dsl.fetchValue("SELECT count(*) FROM \"" + table + "\" t WHERE t::text LIKE ? "
                    + "OR encode(convert_to(t::text, 'UTF8'), 'escape') LIKE ?", "%SuperSecret%", "%SuperSecret%"))
                    .as(table).isEqualTo(0L);
        }
        byte[] ciphertext = store.find(acme.id()).orElseThrow().sealed().ciphertext();
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("SuperSecret");

        // the sealed bytes copied to another account's row do not open
        dsl.execute("INSERT INTO account_secret (account_id, kind, algorithm, ciphertext, wrapped_key, key_provider, "
                + "master_key_version) SELECT ?, kind, algorithm, ciphertext, wrapped_key, key_provider, master_key_version "
                + "FROM account_secret WHERE account_id = ?", other.id(), acme.id());
        assertThatThrownBy(() -> vault.open(other.id())).isInstanceOf(WatchkeeperException.class)
                .hasMessageContaining(AccountSecrets.associatedData(other.id())).hasMessageNotContaining(TOKEN);

        // replacing the secret (an App key now) leaves one, the new one
        vault.store(acme.id(), SecretKind.GITHUB_APP_KEY, "-----BEGIN RSA PRIVATE KEY-----".getBytes(StandardCharsets.US_ASCII));
        assertThat(vault.open(acme.id()).kind()).isEqualTo(SecretKind.GITHUB_APP_KEY);
        assertThat(dsl.fetchValue("SELECT count(*) FROM account_secret WHERE account_id = ?", acme.id())).isEqualTo(1L);
    }

    @Test
    void masterKeyRotationRewrapsAccountSecretsWithoutOpeningThemForGood() {
        KeystoreKeyWrapper wrapper = new KeystoreKeyWrapper(dir.resolve("master-keys.p12"), null);
        KeySealer sealer = new KeySealer(wrapper);
        SealedAccountSecrets vault = new SealedAccountSecrets(sealer, store);
        Account acme = account("acme", "acme-corp");
        vault.store(acme.id(), SecretKind.GITHUB_TOKEN, TOKEN.getBytes(StandardCharsets.US_ASCII));
        byte[] ciphertext = store.find(acme.id()).orElseThrow().sealed().ciphertext();
        String version = wrapper.rotate();

        MasterKeyRotation.Result result = vault.rewrapAll();
        assertThat(result.rewrapped()).isEqualTo(1);
        assertThat(result.failed()).isEmpty();
        assertThat(store.find(acme.id()).orElseThrow().sealed().masterKeyVersion()).isEqualTo(version);
        assertThat(store.find(acme.id()).orElseThrow().sealed().ciphertext()).isEqualTo(ciphertext);
        assertThat(new String(vault.open(acme.id()).value(), StandardCharsets.US_ASCII)).isEqualTo(TOKEN);
        assertThat(vault.rewrapAll().rewrapped()).isZero();
    }
}
