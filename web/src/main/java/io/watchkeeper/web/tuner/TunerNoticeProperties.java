package io.watchkeeper.web.tuner;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who is told before a scheduled tuner plan changes a principal ({@code watchkeeper.tuner.notice.*}). E-mail goes
 * through the SMTP server of {@code watchkeeper.notifications.email.*}.
 *
 * @param owners configured owners: a name (matched against the principal's {@code watchkeeper:owner} or
 *        {@code owner} tag), optional ARN globs of the principals they own, an e-mail address and/or an https webhook
 * @param tagEmail whether an owner tag that is itself an e-mail address (and names no configured owner) is mailed
 * @param timeout per delivery
 */
@ConfigurationProperties("watchkeeper.tuner.notice")
public record TunerNoticeProperties(@DefaultValue List<Owner> owners, @DefaultValue("true") boolean tagEmail,
                                    @DefaultValue("30s") java.time.Duration timeout) {

    /** One configured owner. */
    public record Owner(String name, @DefaultValue List<String> principals, String email, String webhook) {}
}
