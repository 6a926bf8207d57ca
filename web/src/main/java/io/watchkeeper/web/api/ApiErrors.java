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

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }
}
