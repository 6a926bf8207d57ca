package io.watchkeeper.web.api;

import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.service.Triage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the REST API as RFC 9457 problem details; messages never echo stack traces. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
public class ApiErrors {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "bad value for '" + e.getName() + "'");
    }

    @ExceptionHandler(Caller.NotVisibleException.class)
    ProblemDetail notVisible() {
        return problem(HttpStatus.NOT_FOUND, "Not found", "no such thing, or not in your accounts");
    }

    @ExceptionHandler(Triage.StalePreviewException.class)
    ProblemDetail stale(Triage.StalePreviewException e) {
        return problem(HttpStatus.CONFLICT, "Preview out of date", e.getMessage());
    }

    @ExceptionHandler(io.watchkeeper.core.model.WatchkeeperException.class)
    ProblemDetail upstream(io.watchkeeper.core.model.WatchkeeperException e) {
        return problem(HttpStatus.BAD_GATEWAY, "Provider error", e.getMessage());
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ProblemDetail unreadable() {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "the request body is not valid JSON for this operation");
    }

    /** Anything unexpected: logged with its stack trace, answered without one. */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) throws RuntimeException {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // the security filters answer 401/403
        }
        LOG.error("unexpected error in the API", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error", "see the server log");
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiErrors.class);

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }
}
