package io.watchkeeper.web.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Admission of console and API reads ({@link ReadAdmission}), ahead of the security filters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpSettings.class)
public class HttpConfiguration {

    /** Before Spring Security's chain (order -100): a waiting request has not loaded its session or user yet. */
    static final int ORDER = -200;

    @Bean
    FilterRegistrationBean<ReadAdmission> readAdmission(HttpSettings settings, MeterRegistry registry) {
        ReadAdmission admission = new ReadAdmission(settings.readsAtOnce(), settings.queueTimeout());
        Gauge.builder("watchkeeper.http.reads.waiting", admission, ReadAdmission::waiting)
                .description("console and API reads waiting for their turn").register(registry);
        FilterRegistrationBean<ReadAdmission> registration = new FilterRegistrationBean<>(admission);
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
