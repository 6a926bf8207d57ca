package io.watchkeeper.web;

import io.watchkeeper.core.watch.WatchMetrics;
import io.watchkeeper.gcp.GcpSessionFactory;
import io.watchkeeper.gcp.GcpSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** GCP access: the session factory the watch pipeline, account tests and discovery use. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GcpProperties.class)
public class GcpConfiguration {

    @Bean(destroyMethod = "close")
    GcpSessionFactory gcpSessionFactory(GcpProperties gcp, WatchMetrics metrics) {
        return new GcpSessionFactory(new GcpSettings(gcp.endpoint(), gcp.endpoints(), gcp.maxCallsInFlightPerProject(),
                gcp.maxAttempts(), gcp.initialBackoff(), gcp.maxBackoff(), gcp.callTimeout()), metrics);
    }
}
