package io.watchkeeper.web.security;

import io.watchkeeper.core.access.UserStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

/** What the server and the CLI share about who may do what: settings, throttling, password checks, the user cache. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
public class AccessConfiguration {

    @Bean
    LoginThrottle loginThrottle(UserStore users, SecuritySettings settings) {
        return new LoginThrottle(users, settings);
    }

    @Bean
    PasswordCheck passwordCheck(UserStore users, PasswordEncoder encoder, LoginThrottle throttle) {
        return new PasswordCheck(users, encoder, throttle);
    }

    @Bean
    UserCache userCache(UserStore users) {
        return new UserCache(users);
    }
}
