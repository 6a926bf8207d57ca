package io.watchkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The compose file cannot be run here (no Docker engine), so its promises are read: the database
 * password has no default — compose's {@code ${VAR:?message}} makes {@code docker compose up} refuse
 * to start without it — and the console is published on loopback only.
 */
class DockerFilesTest {

    private static final Path COMPOSE = Path.of("..", "docker", "compose.yaml");

    @Test
    void composeRefusesToStartWithoutADatabasePassword() throws Exception {
        String compose = Files.readString(COMPOSE);
        assertThat(compose).doesNotContain("change-me");
        Matcher uses = Pattern.compile("\\$\\{WATCHKEEPER_DB_PASSWORD([^}]*)}").matcher(compose);
        int count = 0;
        while (uses.find()) {
            count++;
            assertThat(uses.group(1)).as("every use of the password is required, none has a default").startsWith(":?");
        }
        assertThat(count).as("the database and the application both take it").isEqualTo(2);
        assertThat(compose).doesNotContainPattern("(?m)^\\s*-\\s*\"?8080:8080");
        assertThat(compose).contains("\"127.0.0.1:8080:8080\"");
    }
}
