package io.watchkeeper.web.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * A handler for admins of every account only (users, other people's tokens, global settings): an
 * admin limited to some accounts gets 403. The service behind it checks the same
 * ({@link Caller#requireUnrestrictedAdmin()}); this makes the rule visible on the route, and
 * {@code RouteSecurityTest} walks every such route with a scoped admin.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasRole('ADMIN') and T(io.watchkeeper.web.security.Callers).current().unrestricted()")
public @interface GlobalAdmin {}
