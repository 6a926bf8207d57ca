package io.watchkeeper.web.db;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database before anything connects: {@code WATCHKEEPER_DB_URL} (with
 * {@code _USER}/{@code _PASSWORD}), else the standard {@code spring.datasource.*} settings, else
 * the embedded PostgreSQL under {@code WATCHKEEPER_HOME}.
 */
public final class DatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        Map<String, Object> chosen = new HashMap<>();
        String external = env.getProperty("watchkeeper.db.url");
        if (external != null && !external.isBlank()) {
            chosen.put("spring.datasource.url", external);
            putIfSet(chosen, "spring.datasource.username", env.getProperty("watchkeeper.db.user"));
            putIfSet(chosen, "spring.datasource.password", env.getProperty("watchkeeper.db.password"));
        } else if (blank(env.getProperty("spring.datasource.url"))) {
            Path home = Path.of(env.getRequiredProperty("watchkeeper.home"));
            int port = env.getProperty("watchkeeper.db.embedded-port", Integer.class, 0);
            EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(home, port);
            chosen.put("spring.datasource.url", db.jdbcUrl());
            chosen.put("spring.datasource.username", EmbeddedDatabase.USER);
            chosen.put("spring.datasource.password", db.password());
            chosen.put("watchkeeper.db.embedded-owned", db.owned());
            // registered before every other bean, so destroyed after them all (the pool closes first)
            if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean("watchkeeperEmbeddedDatabase", db::close);
            }
        }
        if (!chosen.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource("watchkeeperDatabase", chosen));
        }
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (!blank(value)) {
            map.put(key, value);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
