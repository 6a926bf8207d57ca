package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.ScanJobs;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Scans (watch + audit + notify) started on demand. */
@RestController
@RequestMapping("/api/v1/scans")
@Tag(name = "scans")
public class ScansApi {

    private final ScanJobs scans;

    public ScansApi(ScanJobs scans) {
        this.scans = scans;
    }

    /** Accounts to scan; empty for every active account in scope (third-party accounts are never scanned). */
    public record ScanRequest(List<Long> accountIds) {}

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start a scan in the background")
    public ScanJobs.ScanStatus start(@RequestBody(required = false) ScanRequest request) {
        return scans.start(request == null ? List.of() : request.accountIds(), Callers.current());
    }

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Recent scans started on this node", description = "Only scans whose accounts are all in your scope.")
    public List<ScanJobs.ScanStatus> recent() {
        return scans.recent(Callers.current());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "A scan's progress")
    public ScanJobs.ScanStatus get(@PathVariable long id) {
        return scans.find(id, Callers.current()).orElseThrow(Caller.NotVisibleException::new);
    }
}
