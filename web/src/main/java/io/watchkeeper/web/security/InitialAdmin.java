package io.watchkeeper.web.security;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.NewUser;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.access.UserStore;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.web.WatchkeeperProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * On the first start (no users yet) creates {@code admin}: with {@code WATCHKEEPER_ADMIN_PASSWORD}
 * when set, otherwise with a random one-time password printed once and written to
 * {@code WATCHKEEPER_HOME/initial-admin-password} (owner-only). Several nodes starting at once race
 * on the unique username; the loser finds the admin already there.
 */
public class InitialAdmin implements ApplicationRunner {

    static final String FILE = "initial-admin-password";
    private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Path home;
    private final String configuredPassword;

    public InitialAdmin(UserStore users, PasswordEncoder encoder, AuditLog audit, WatchkeeperProperties properties,
                        @Value("${watchkeeper.admin-password:}") String configuredPassword) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.home = properties.home();
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        try {
            users.create(new NewUser("admin", "Administrator", Role.ADMIN, AccountScope.ALL, encoder.encode(password),
                    null, null), "system:first-start");
        } catch (RuntimeException e) {
            if (users.find("admin").isPresent()) {
                return; // another node created it
            }
            throw e;
        }
        audit.record(new AuditEntry("system:first-start", "user.create", "user:admin", null, null));
        if (generated) {
            Path file = writeOwnerOnly(password);
            // printed once, on purpose: this is how the operator learns it
            System.out.println("Watchkeeper: created user 'admin' with one-time password " + password
                    + " (also in " + file + ")");
        } else {
            LOG.info("Created user 'admin' with the password from WATCHKEEPER_ADMIN_PASSWORD");
        }
    }

    private Path writeOwnerOnly(String password) {
        try {
            Files.createDirectories(home);
            Path file = home.resolve(FILE);
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the initial admin password under " + home, e);
        }
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
