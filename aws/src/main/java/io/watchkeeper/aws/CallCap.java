package io.watchkeeper.aws;

import io.watchkeeper.core.watch.ScopeCalls;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The per-account cap on API calls in flight, shared by every client of one account's session,
 * and the per-scope count of HTTP attempts (retries included).
 */
final class CallCap implements ExecutionInterceptor {

    private static final ExecutionAttribute<Boolean> HOLDS_PERMIT = new ExecutionAttribute<>("watchkeeper.permit");

    private final Semaphore permits;

    CallCap(int maxInFlight) {
        this.permits = new Semaphore(maxInFlight, true);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        permits.acquireUninterruptibly();
        attributes.putAttribute(HOLDS_PERMIT, Boolean.TRUE);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        ScopeCalls calls = ScopeCalls.current();
        if (calls != null) {
            calls.call();
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    private void release(ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(HOLDS_PERMIT))) {
            attributes.putAttribute(HOLDS_PERMIT, Boolean.FALSE);
            permits.release();
        }
    }
}
