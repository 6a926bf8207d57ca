package io.watchkeeper.iamtuner.evidence;

/** Receives the events of log files that were attributed to an IAM role or user. */
public interface EventSink {

    /**
     * @param principalArn the role (from the session issuer) or the user
     * @param eventSource {@code s3.amazonaws.com}
     * @param eventName {@code GetObject}
     * @param epochSecond the event time
     * @param region {@code awsRegion}
     * @param denied the call failed authorisation (AccessDenied and its kin)
     * @param data a data event
     */
    void event(String principalArn, String eventSource, String eventName, long epochSecond, String region,
               boolean denied, boolean data);
}
