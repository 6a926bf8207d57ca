package io.watchkeeper.aws;

import io.watchkeeper.core.watch.ScopeCalls;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The per-account cap on API calls in flight. The clients are shared by all accounts, so each
 * request carries its account's cap ({@link #ACCOUNT_CAP}, set by {@link AccountBound}) and the one
 * {@link #INTERCEPTOR} of every shared client takes a permit for the whole call (retries included).
 * The interceptor also counts the HTTP attempts (retries included) of the current scope.
 */
final class CallCap {

    static final ExecutionAttribute<CallCap> ACCOUNT_CAP = new ExecutionAttribute<>("watchkeeper.account-cap");
    private static final ExecutionAttribute<Boolean> HOLDS_PERMIT = new ExecutionAttribute<>("watchkeeper.permit");

    static final ExecutionInterceptor INTERCEPTOR = new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            CallCap cap = attributes.getAttribute(ACCOUNT_CAP);
            if (cap != null) {
                cap.permits.acquireUninterruptibly();
                attributes.putAttribute(HOLDS_PERMIT, Boolean.TRUE);
            }
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
                attributes.getAttribute(ACCOUNT_CAP).permits.release();
            }
        }
    };

    private final Semaphore permits;

    CallCap(int maxInFlight) {
        this.permits = new Semaphore(maxInFlight, true);
    }
}
