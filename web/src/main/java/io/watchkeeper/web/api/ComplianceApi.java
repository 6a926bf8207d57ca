package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.auditors.compliance.ComplianceCsv;
import io.watchkeeper.auditors.compliance.ComplianceHtml;
import io.watchkeeper.auditors.compliance.ComplianceReport;
import io.watchkeeper.auditors.output.ToolInfo;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.ComplianceService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Compliance reports: a framework's controls per account, decided from stored history, as JSON, CSV or
 * one self-contained HTML file. Limited to the caller's accounts.
 */
@RestController
@RequestMapping("/api/v1/compliance")
@Tag(name = "compliance")
public class ComplianceApi {

    private final ComplianceService compliance;

    public ComplianceApi(ComplianceService compliance) {
        this.compliance = compliance;
    }

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "The frameworks reports can be made for")
    public List<ComplianceService.FrameworkInfo> frameworks() {
        return compliance.frameworks(Callers.current());
    }

    @GetMapping("/{framework}")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Per control and account: pass, fail, not applicable, no data, manual or not decided; failing"
            + " resources; the trend per day",
            description = "at: a date (the end of that day, UTC) or an instant; default now. days: trend length, 1-366.")
    public ComplianceReport report(@PathVariable String framework,
                                   @Parameter(description = "one account (default: every account of yours)")
                                   @RequestParam(required = false) String account,
                                   @RequestParam(required = false) String at,
                                   @RequestParam(required = false) Integer days) {
        return compliance.report(new ComplianceService.Request(framework, account, at, days), Callers.current());
    }

    @GetMapping(value = "/{framework}/csv", produces = "text/csv")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "The report as CSV: one row per control and account")
    public ResponseEntity<String> csv(@PathVariable String framework, @RequestParam(required = false) String account,
                                      @RequestParam(required = false) String at,
                                      @RequestParam(required = false) Integer days) {
        ComplianceReport report = compliance.report(new ComplianceService.Request(framework, account, at, days),
                Callers.current());
        return download(ComplianceCsv.render(report), new MediaType("text", "csv", StandardCharsets.UTF_8),
                report.framework() + ".csv");
    }

    @GetMapping(value = "/{framework}/html", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "The report as one self-contained HTML file for an auditor")
    public ResponseEntity<String> html(@PathVariable String framework, @RequestParam(required = false) String account,
                                       @RequestParam(required = false) String at,
                                       @RequestParam(required = false) Integer days) {
        ComplianceReport report = compliance.report(new ComplianceService.Request(framework, account, at, days),
                Callers.current());
        return download(ComplianceHtml.render(report, ToolInfo.buildVersion()),
                new MediaType("text", "html", StandardCharsets.UTF_8), report.framework() + ".html");
    }

    /** A report as an attachment named after the framework (an id from the data files, so a safe file name). */
    static ResponseEntity<String> download(String body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }
}
