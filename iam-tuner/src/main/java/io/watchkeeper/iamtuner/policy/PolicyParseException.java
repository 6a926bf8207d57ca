package io.watchkeeper.iamtuner.policy;

/** A policy the tuner will not reason about (and so never rewrites). */
public final class PolicyParseException extends RuntimeException {

    public PolicyParseException(String policy, String reason) {
        super("policy " + policy + ": " + reason, null, false, false);
    }
}
