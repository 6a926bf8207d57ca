package io.watchkeeper.web.console;

import io.watchkeeper.core.dashboard.DashboardSummary;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.Dashboard;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Open findings by severity, account and check; the 30-day trend; riskiest items; recent changes. */
@Controller
@PreAuthorize("hasRole('VIEWER')")
public class DashboardPage {

    private final Dashboard dashboard;

    public DashboardPage(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        DashboardSummary summary = dashboard.summary(Callers.current().scope());
        List<Severity> severities = Arrays.asList(Severity.values()).reversed();
        model.addAttribute("s", summary);
        model.addAttribute("severities", severities);
        model.addAttribute("trendBars", Charts.trend(summary.trend()));
        model.addAttribute("trendLabels", Charts.trendLabels(summary.trend()));
        model.addAttribute("checkBars", Charts.counts(summary.topChecks()));
        model.addAttribute("chartWidth", Charts.WIDTH);
        model.addAttribute("chartHeight", Charts.HEIGHT);
        return "dashboard";
    }
}
