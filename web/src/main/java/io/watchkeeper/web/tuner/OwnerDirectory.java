package io.watchkeeper.web.tuner;

import io.watchkeeper.auditors.notify.SlackWebhookChannel;
import io.watchkeeper.core.model.InvalidInputException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Finds who owns a principal and how to reach them: a configured owner whose ARN globs match the principal, else
 * the configured owner named by the principal's owner tag ({@code watchkeeper:owner}, or {@code owner}), else the
 * tag itself when it is an e-mail address (and {@code tag-email} is on). Webhooks come only from configuration
 * (a tag could otherwise send plan details anywhere) and must be https: an http URL is refused at start-up with
 * an error naming the owner, never the URL (it is a secret).
 */
public final class OwnerDirectory {

    /** How to reach an owner: an e-mail address and/or a webhook; both null means nobody can be told. */
    public record Contact(String owner, String email, SlackWebhookChannel webhook, String webhookHost) {
        boolean reachable() {
            return email != null || webhook != null;
        }
    }

    private record Entry(String name, List<Pattern> principals, String email, SlackWebhookChannel webhook, String host) {}

    private final List<Entry> entries;
    private final boolean tagEmail;

    public OwnerDirectory(TunerNoticeProperties properties) {
        this(properties, SlackWebhookChannel::new);
    }

    /**
     * For tests against a loopback receiver: {@code webhooks} builds each owner's channel (the application always uses
     * the https-only constructor above; tests pass {@link SlackWebhookChannel#allowingHttpToLoopback}).
     */
    OwnerDirectory(TunerNoticeProperties properties, BiFunction<URI, Duration, SlackWebhookChannel> webhooks) {
        this.tagEmail = properties.tagEmail();
        List<Entry> list = new ArrayList<>();
        int i = 0;
        for (TunerNoticeProperties.Owner o : properties.owners()) {
            String where = "watchkeeper.tuner.notice.owners[" + i++ + "]";
            if (o.name() == null || o.name().isBlank()) {
                throw new IllegalStateException(where + ".name is required");
            }
            String email = o.email() == null || o.email().isBlank() ? null : address(o.email())
                    .orElseThrow(() -> new IllegalStateException(where + ".email is not an e-mail address"));
            SlackWebhookChannel hook = null;
            String host = null;
            if (o.webhook() != null && !o.webhook().isBlank()) {
                try {
                    URI uri = new URI(o.webhook().strip());
                    hook = webhooks.apply(uri, properties.timeout().compareTo(Duration.ofMinutes(2)) > 0
                            ? Duration.ofMinutes(2) : properties.timeout());
                    host = uri.getHost();
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(where + ".webhook (owner " + o.name() + ") is not a valid URL");
                } catch (InvalidInputException e) {
                    throw new IllegalStateException(where + ".webhook (owner " + o.name() + "): " + e.getMessage(), e);
                }
            }
            list.add(new Entry(o.name().strip(), o.principals().stream().map(OwnerDirectory::glob).toList(), email, hook, host));
        }
        this.entries = List.copyOf(list);
    }

    /** The owner of {@code arn} (whose owner tag is {@code tag}, or null) and how to reach them; null: no owner. */
    public Contact find(String arn, String tag) {
        for (Entry e : entries) {
            if (e.principals().stream().anyMatch(p -> p.matcher(arn).matches())) {
                return contact(e);
            }
        }
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String t = tag.strip();
        for (Entry e : entries) {
            if (e.name().equalsIgnoreCase(t)) {
                return contact(e);
            }
        }
        String email = tagEmail ? address(t).orElse(null) : null;
        return new Contact(t, email, null, null);
    }

    private static Contact contact(Entry e) {
        return new Contact(e.name(), e.email(), e.webhook(), e.host());
    }

    /** A strict, single, one-line address (a tag is attacker-controlled), lower-cased domain; empty otherwise. */
    static java.util.Optional<String> address(String value) {
        String v = value.strip();
        if (v.length() > 254 || !v.matches("[^\\s<>\"(),;:\\\\\\[\\]]+@[A-Za-z0-9.-]+")) {
            return java.util.Optional.empty();
        }
        try {
            InternetAddress a = new InternetAddress(v, true);
            a.validate();
            int at = v.lastIndexOf('@');
            return java.util.Optional.of(v.substring(0, at) + v.substring(at).toLowerCase(Locale.ROOT));
        } catch (AddressException e) {
            return java.util.Optional.empty();
        }
    }

    /** ARN glob: {@code *} any run of characters, {@code ?} one; everything else literal. */
    static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (char c : g.strip().toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }
}
