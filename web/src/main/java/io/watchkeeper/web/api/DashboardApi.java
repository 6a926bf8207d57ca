package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.core.dashboard.DashboardSummary;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.Dashboard;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's figures. */
@RestController
@Tag(name = "dashboard")
public class DashboardApi {

    private final Dashboard dashboard;

    public DashboardApi(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/v1/dashboard")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Open findings by severity, account and check; 30-day trend; riskiest items; recent changes")
    public DashboardSummary get() {
        return dashboard.summary(Callers.current().scope());
    }
}
