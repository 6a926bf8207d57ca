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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * On the first start (no users yet) creates {@code admin}: with {@code WATCHKEEPER_ADMIN_PASSWORD}
 * when set (at least 12 characters and at most 72 bytes, or the start stops with a clear message),
 * otherwise with a random one-time password printed once and written to
 * {@code WATCHKEEPER_HOME/initial-admin-password} (owner-only); that password must be changed at the
 * first sign-in, and the file is deleted when it is. Several nodes starting at once race on the
 * unique username; the loser finds the admin already there.
 */
public class InitialAdmin implements ApplicationRunner {

    static final String FILE = "initial-admin-password";
    /** The user created on the first start. */
    public static final String USERNAME = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);

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
        if (!generated && Passwords.problem(configuredPassword) != null) {
            throw new IllegalStateException("WATCHKEEPER_ADMIN_PASSWORD (watchkeeper.admin-password) cannot be used: "
                    + Passwords.problem(configuredPassword) + ". Choose another, or unset it for a one-time password.");
        }
        String password = generated ? randomPassword() : configuredPassword;
        try {
            users.create(new NewUser(USERNAME, "Administrator", Role.ADMIN, AccountScope.ALL, encoder.encode(password),
                    null, null, generated), "system:first-start");
        } catch (RuntimeException e) {
            if (users.find(USERNAME).isPresent()) {
                return; // another node created it
            }
            throw e;
        }
        audit.record(new AuditEntry("system:first-start", "user.create", "user:admin", null, null));
        if (generated) {
            Path file = writeOwnerOnly(password);
            // printed once, on purpose: this is how the operator learns it
            System.out.println("Watchkeeper: created user 'admin' with one-time password " + password
                    + " (also in " + file + "; you choose a new one at the first sign-in)");
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
        return Passwords.generate(24);
    }

    /**
     * Deletes {@code WATCHKEEPER_HOME/initial-admin-password} once {@code admin} has another password
     * (the one-time password is then useless, and no copy of a password should stay on disk).
     */
    public static void forgetOneTimePassword(Path home) {
        try {
            if (Files.deleteIfExists(home.resolve(FILE))) {
                LOG.info("Deleted {}: the admin's one-time password has been replaced", home.resolve(FILE));
            }
        } catch (IOException e) {
            LOG.warn("Could not delete {}: delete it by hand ({})", home.resolve(FILE), e.toString());
        }
    }
}
