package io.watchkeeper.auditors.notify;

import io.watchkeeper.core.model.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how to send e-mail.
 *
 * @param host SMTP server
 * @param port its port (25, 587 with STARTTLS, ...)
 * @param startTls require STARTTLS: the connection is upgraded to TLS before anything else is
 *     sent, and sending fails when the server does not offer it
 * @param username user for SMTP AUTH, or null for none
 * @param password its password (null without a user)
 * @param from sender address
 * @param to recipients (at least one)
 * @param timeout connect, read and write timeout
 */
public record SmtpSettings(String host, int port, boolean startTls, String username, String password, String from,
                           List<String> to, Duration timeout) {

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        if (host.isBlank() || !host.equals(Text.oneLine(host).strip())) {
            throw new InvalidInputException("SMTP host must be a plain host name");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("SMTP port must be 1-65535, not " + port);
        }
        if (to.isEmpty()) {
            throw new InvalidInputException("e-mail notifications need at least one recipient");
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new InvalidInputException("SMTP timeout must be between 1 ms and 5 minutes");
        }
        if (username != null && username.isBlank()) {
            username = null;
        }
    }

    public boolean authenticates() {
        return username != null;
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", startTls=" + startTls + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", from=" + from + ", to=" + to + "]";
    }
}
