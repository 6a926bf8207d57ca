package io.watchkeeper.web.console;

import io.watchkeeper.auditors.compliance.ComplianceCsv;
import io.watchkeeper.auditors.compliance.ComplianceHtml;
import io.watchkeeper.auditors.compliance.ComplianceReport;
import io.watchkeeper.auditors.compliance.ControlState;
import io.watchkeeper.auditors.output.ToolInfo;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.AccountAdmin;
import io.watchkeeper.web.service.ComplianceService;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Compliance reports in the console: the frameworks, and one framework per control and account with
 * failing resources, the trend chart and the report files (HTML for an auditor, CSV).
 */
@Controller
@PreAuthorize("hasRole('VIEWER')")
public class CompliancePages {

    private final ComplianceService compliance;
    private final AccountAdmin accounts;

    public CompliancePages(ComplianceService compliance, AccountAdmin accounts) {
        this.compliance = compliance;
        this.accounts = accounts;
    }

    @GetMapping("/compliance")
    String frameworks(Model model) {
        model.addAttribute("frameworks", compliance.frameworks(Callers.current()));
        return "compliance-frameworks";
    }

    @GetMapping("/compliance/{framework}")
    String report(@PathVariable String framework, @RequestParam(required = false) String account,
                  @RequestParam(required = false) String at, @RequestParam(required = false) Integer days, Model model) {
        ComplianceService.FrameworkInfo info = compliance.framework(framework, Callers.current());
        ComplianceReport report = compliance.report(new ComplianceService.Request(info.id(), account, at, days),
                Callers.current());
        Map<String, List<Charts.Bar>> sparklines = new HashMap<>();
        report.controls().forEach(c -> sparklines.put(c.id(), ComplianceCharts.sparkline(c.trend())));
        model.addAttribute("info", info);
        model.addAttribute("r", report);
        model.addAttribute("states", ControlState.values());
        model.addAttribute("account", account == null ? "" : account);
        model.addAttribute("at", at == null ? "" : at);
        model.addAttribute("days", days == null ? ComplianceService.DEFAULT_DAYS : days);
        model.addAttribute("accounts", accounts.list(Callers.current()).stream()
                .filter(a -> a.provider().name().equalsIgnoreCase(info.provider()) && !a.thirdParty()).toList());
        model.addAttribute("trendBars", ComplianceCharts.trend(report.trend()));
        model.addAttribute("trendLabels", ComplianceCharts.labels(report.trend()));
        model.addAttribute("sparklines", sparklines);
        model.addAttribute("cell", ComplianceCharts.CELL);
        model.addAttribute("chartWidth", Charts.WIDTH);
        model.addAttribute("chartHeight", Charts.HEIGHT);
        return "compliance";
    }

    @GetMapping("/compliance/{framework}/report.html")
    ResponseEntity<String> html(@PathVariable String framework, @RequestParam(required = false) String account,
                                @RequestParam(required = false) String at, @RequestParam(required = false) Integer days) {
        ComplianceReport report = compliance.report(new ComplianceService.Request(framework, account, at, days),
                Callers.current());
        return download(ComplianceHtml.render(report, ToolInfo.buildVersion()), "html", report.framework() + ".html");
    }

    @GetMapping("/compliance/{framework}/report.csv")
    ResponseEntity<String> csv(@PathVariable String framework, @RequestParam(required = false) String account,
                               @RequestParam(required = false) String at, @RequestParam(required = false) Integer days) {
        ComplianceReport report = compliance.report(new ComplianceService.Request(framework, account, at, days),
                Callers.current());
        return download(ComplianceCsv.render(report), "csv", report.framework() + ".csv");
    }

    private static ResponseEntity<String> download(String body, String subtype, String fileName) {
        return ResponseEntity.ok().contentType(new MediaType("text", subtype, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }
}
