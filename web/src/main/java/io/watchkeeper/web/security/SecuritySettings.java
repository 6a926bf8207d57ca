package io.watchkeeper.web.security;

import java.time.Duration;
import java.util.List;
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
 * @param oidcNewUserRole role of a user created at first OIDC login; {@code none} (the default) refuses unknown identities
 * @param oidcNewUserAccounts account names such a user may see; empty means none, {@code *} every account
 * @param sessionMaxAge absolute lifetime of a console session, however active (the idle timeout is
 *     {@code server.servlet.session.timeout})
 * @param publicMetrics whether {@code /actuator/prometheus} answers without a token
 */
@ConfigurationProperties("watchkeeper.security")
public record SecuritySettings(
        @DefaultValue("5") int lockoutThreshold,
        @DefaultValue("1m") Duration lockoutBase,
        @DefaultValue("1h") Duration lockoutMax,
        @DefaultValue("30") int ipFailuresPerWindow,
        @DefaultValue("10m") Duration ipWindow,
        @DefaultValue("none") String oidcNewUserRole,
        @DefaultValue List<String> oidcNewUserAccounts,
        @DefaultValue("12h") Duration sessionMaxAge,
        @DefaultValue("false") boolean publicMetrics) {

    public SecuritySettings {
        oidcNewUserAccounts = oidcNewUserAccounts == null ? List.of()
                : oidcNewUserAccounts.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        oidcNewUserRole = oidcNewUserRole == null || oidcNewUserRole.isBlank() ? "none" : oidcNewUserRole.strip();
        if (!"none".equalsIgnoreCase(oidcNewUserRole)) {
            io.watchkeeper.core.access.Role.parse(oidcNewUserRole); // a typo stops the start, not the first login
        }
    }

    /** Whether unknown OIDC identities are refused. */
    public boolean refusesNewOidcUsers() {
        return "none".equalsIgnoreCase(oidcNewUserRole);
    }
}
