package io.watchkeeper.auditors.notify;

import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.InvalidInputException;
import jakarta.mail.Authenticator;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;

/**
 * Sends notifications as plain-text e-mail over SMTP (Jakarta Mail). Addresses are parsed strictly
 * once, at construction. The subject is made one line before it becomes a header, so a CR/LF in a
 * cloud-controlled value (a resource name in a subject) cannot start a new header; non-ASCII text
 * is RFC 2047 encoded by Jakarta Mail.
 */
public final class SmtpChannel implements NotificationChannel {

    static final int MAX_SUBJECT = 200;

    private final SmtpSettings settings;
    private final Session session;
    private final InternetAddress from;
    private final InternetAddress[] to;

    public SmtpChannel(SmtpSettings settings) {
        this.settings = settings;
        this.from = address(settings.from());
        this.to = settings.to().stream().map(SmtpChannel::address).toArray(InternetAddress[]::new);
        this.session = Session.getInstance(properties(settings), settings.authenticates() ? new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.username(), settings.password());
            }
        } : null);
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public void send(Notification notification) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipients(Message.RecipientType.TO, to);
            message.setSubject(Text.oneLine(notification.subject(), MAX_SUBJECT), "UTF-8");
            message.setText(notification.body(), "UTF-8");
            message.setSentDate(new Date());
            message.setHeader("Auto-Submitted", "auto-generated");
            Transport.send(message);
        } catch (AuthenticationFailedException e) {
            throw new NotificationException(ErrorCategory.DENIED, "e-mail: the SMTP server " + where()
                    + " refused the credentials of " + settings.username(), e);
        } catch (MessagingException e) {
            throw new NotificationException(ErrorCategory.UNAVAILABLE, "e-mail: could not send through " + where()
                    + ": " + Text.oneLine(e.getMessage(), 300), e);
        }
    }

    private String where() {
        return settings.host() + ":" + settings.port();
    }

    static Properties properties(SmtpSettings s) {
        Properties p = new Properties();
        String timeout = Long.toString(s.timeout().toMillis());
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", s.host());
        p.put("mail.smtp.port", Integer.toString(s.port()));
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        p.put("mail.smtp.auth", Boolean.toString(s.authenticates()));
        p.put("mail.smtp.starttls.enable", Boolean.toString(s.startTls()));
        p.put("mail.smtp.starttls.required", Boolean.toString(s.startTls()));
        if (s.startTls()) {
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        return p;
    }

    private static InternetAddress address(String value) {
        if (value == null || !value.equals(Text.oneLine(value))) {
            throw new InvalidInputException("e-mail address must be one line: '" + Text.oneLine(value) + "'");
        }
        try {
            InternetAddress address = new InternetAddress(value, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new InvalidInputException("invalid e-mail address '" + value + "': " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "SmtpChannel[" + settings + "]";
    }
}
