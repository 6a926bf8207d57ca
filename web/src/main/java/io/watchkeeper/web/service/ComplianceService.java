package io.watchkeeper.web.service;

import io.watchkeeper.auditors.compliance.ComplianceReport;
import io.watchkeeper.auditors.compliance.ComplianceReports;
import io.watchkeeper.auditors.compliance.Framework;
import io.watchkeeper.auditors.compliance.Frameworks;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * Compliance reports for the console, the API and the command line alike: the caller needs the
 * viewer role and sees only its accounts (an account outside them is as unknown as one that does not
 * exist). Read-only, so nothing is audited.
 */
@Service
public class ComplianceService {

    public static final int DEFAULT_DAYS = 30;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final ComplianceReports reports;
    private final Frameworks frameworks;
    private final AccountStore accounts;
    private final Clock clock;

    public ComplianceService(ComplianceReports reports, Frameworks frameworks, AccountStore accounts) {
        this.reports = reports;
        this.frameworks = frameworks;
        this.accounts = accounts;
        this.clock = Clock.systemUTC();
    }

    /** A framework as lists show it. */
    public record FrameworkInfo(String id, String name, String version, String provider, int controls, int automated,
                                int decided, int manual) {}

    /** What a report is asked for: a framework, one account or all, an instant, trend days. */
    public record Request(String framework, String account, String at, Integer days) {}

    public List<FrameworkInfo> frameworks(Caller caller) {
        caller.require(Role.VIEWER);
        return frameworks.all().stream().map(ComplianceService::info).toList();
    }

    public FrameworkInfo framework(String id, Caller caller) {
        caller.require(Role.VIEWER);
        return info(frameworks.require(id));
    }

    private static FrameworkInfo info(Framework f) {
        int manual = (int) f.controls().stream().filter(Framework.Control::manual).count();
        int decided = (int) f.controls().stream().filter(c -> !c.manual() && !c.undecided()).count();
        return new FrameworkInfo(f.id(), f.name(), f.version(), f.provider(), f.controls().size(),
                f.controls().size() - manual, decided, manual);
    }

    /** The report, or a clear error (unknown framework or account, a date in the future, days out of range). */
    public ComplianceReport report(Request request, Caller caller) {
        caller.require(Role.VIEWER);
        Framework framework = frameworks.require(request.framework());
        int days = request.days() == null ? DEFAULT_DAYS : request.days();
        if (days < 1 || days > ComplianceReports.MAX_DAYS) {
            throw new InvalidInputException("days must be between 1 and " + ComplianceReports.MAX_DAYS);
        }
        Instant now = clock.instant();
        Instant at = instant(request.at(), now);
        List<Account> covered;
        if (request.account() != null && !request.account().isBlank()) {
            Account account = accounts.findByName(request.account().trim())
                    .filter(a -> caller.scope().allows(a.id()))
                    .orElseThrow(() -> new InvalidInputException("unknown account '" + clip(request.account()) + "'"));
            if (!account.provider().name().equalsIgnoreCase(framework.provider())) {
                throw new InvalidInputException("account '" + account.name() + "' is a " + account.provider().name()
                        .toLowerCase(Locale.ROOT) + " account; " + framework.id() + " covers " + framework.provider()
                        + " accounts");
            }
            if (account.thirdParty()) {
                throw new InvalidInputException("account '" + account.name() + "' is a third party: it is never watched");
            }
            covered = List.of(account);
        } else {
            covered = accounts.list().stream().filter(a -> caller.scope().allows(a.id()) && !a.thirdParty()
                    && a.provider().name().equalsIgnoreCase(framework.provider())).toList();
        }
        return reports.report(framework, covered, at, days, now);
    }

    /**
     * The instant of {@code --at}: a date means the end of that day (UTC), today means now; an ISO
     * instant is taken as it is. Nothing after now, nothing before 2000.
     */
    static Instant instant(String at, Instant now) {
        if (at == null || at.isBlank()) {
            return now;
        }
        String text = at.trim();
        Instant instant;
        try {
            if (text.length() <= 10) {
                LocalDate day = LocalDate.parse(text);
                instant = day.equals(now.atZone(ZoneOffset.UTC).toLocalDate()) ? now
                        : day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else {
                instant = OffsetDateTime.parse(text).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("at must be a date (2026-11-30) or an instant (2026-11-30T12:00:00Z), not '"
                    + clip(text) + "'");
        }
        if (instant.isAfter(now)) {
            throw new InvalidInputException("at is in the future: history does not know it yet");
        }
        if (instant.isBefore(EARLIEST.atStartOfDay().toInstant(ZoneOffset.UTC))) {
            throw new InvalidInputException("at must be after 2000-01-01");
        }
        return instant;
    }

    private static String clip(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() <= 60 ? t : t.substring(0, 60) + "…";
    }
}
