package io.watchkeeper.aws;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * One account's view of a client shared by every account (one SDK client per service, region and
 * endpoint): every request that passes through it carries the account's credentials and call cap in
 * its own override configuration, so the shared client never signs with anything else. A request
 * that reaches the shared client without them (a waiter, say) is refused by {@link #NO_ACCOUNT}
 * instead of signing with another account's credentials.
 *
 * <p>Paginators and the consumer-builder and no-argument forms are the service interface's default
 * methods: they run on the proxy, so their requests come back through it; a paginator runs on the
 * proxy too, so every page is a call through it.
 */
final class AccountBound implements InvocationHandler {

    /** The shared clients' own credentials: none, so a request without an account fails closed. */
    static final AwsCredentialsProvider NO_ACCOUNT = new AwsCredentialsProvider() {
        @Override
        public AwsCredentials resolveCredentials() {
            throw new IllegalStateException("request without account credentials reached a shared AWS client");
        }

        @Override
        public String toString() {
            return "NoAccount";
        }
    };

    private final SdkClient shared;
    private final AwsCredentialsProvider credentials;
    private final CallCap cap;
    /** This account's retry strategy for this client: its own rate limiter and retry quota ({@link AccountRetry}). */
    private final RetryStrategy retry;

    private AccountBound(SdkClient shared, AwsCredentialsProvider credentials, CallCap cap, RetryStrategy retry) {
        this.shared = shared;
        this.credentials = credentials;
        this.cap = cap;
        this.retry = retry;
    }

    /** {@code shared} as seen by one account, retrying with {@code retry} (the account's own for this client). */
    static <C extends SdkClient> C bind(Class<C> service, C shared, AwsCredentialsProvider credentials, CallCap cap,
                                        RetryStrategy retry) {
        return service.cast(Proxy.newProxyInstance(service.getClassLoader(), new Class<?>[] {service},
                new AccountBound(shared, credentials, cap, retry)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "AccountBound[" + shared.serviceName() + "]";
            };
        }
        if (method.getName().equals("close") && method.getParameterCount() == 0) {
            return null; // the shared client outlives every account's session
        }
        if (method.isDefault() && method.getName().endsWith("Paginator")) {
            // the paginator runs on this view, so each page is a call through it (bound, with the
            // account's retry strategy on the thread that fetches the page)
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        int request = requestArgument(args);
        if (request >= 0) {
            Object[] bound = args.clone();
            bound[request] = bind((AwsRequest) args[request]);
            return onShared(method, bound);
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        return onShared(method, args);
    }

    private Object onShared(Method method, Object[] args) throws Throwable {
        return AccountRetry.with(retry, () -> {
            try {
                return method.invoke(shared, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private static int requestArgument(Object[] args) {
        if (args != null) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof AwsRequest) {
                    return i;
                }
            }
        }
        return -1;
    }

    private AwsRequest bind(AwsRequest request) {
        AwsRequestOverrideConfiguration.Builder override = request.overrideConfiguration()
                .map(AwsRequestOverrideConfiguration::toBuilder)
                .orElseGet(AwsRequestOverrideConfiguration::builder);
        override.credentialsProvider(credentials);
        override.putExecutionAttribute(CallCap.ACCOUNT_CAP, cap);
        return request.toBuilder().overrideConfiguration(override.build()).build();
    }
}
