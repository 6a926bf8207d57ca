package io.watchkeeper.iamtuner.aws;

/** What the tuner tunes: roles and users; a shared customer-managed policy is tuned as a whole. */
public enum PrincipalType {
    ROLE,
    USER,
    POLICY
}
