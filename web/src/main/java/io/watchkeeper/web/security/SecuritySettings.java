package io.watchkeeper.web.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code watchkeeper.security.*}.
 *
 * @param lockoutThreshold failed logins of one username before it is locked
 * @param lockoutBase first lock duration; doubles with every further failure
 * @param lockoutMax longest lock
 * @param ipFailuresPerWindow failed logins from one address per window before that address is refused
 * @param ipWindow the window for {@code ipFailuresPerWindow}
 * @param oidcNewUserRole role of a user created at first OIDC login; {@code none} refuses unknown identities
 * @param publicMetrics whether {@code /actuator/prometheus} answers without a token
 */
@ConfigurationProperties("watchkeeper.security")
public record SecuritySettings(
        @DefaultValue("5") int lockoutThreshold,
        @DefaultValue("1m") Duration lockoutBase,
        @DefaultValue("1h") Duration lockoutMax,
        @DefaultValue("30") int ipFailuresPerWindow,
        @DefaultValue("10m") Duration ipWindow,
        @DefaultValue("viewer") String oidcNewUserRole,
        @DefaultValue("false") boolean publicMetrics) {}
