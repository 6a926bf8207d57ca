package io.watchkeeper.core.secrets;

/**
 * A secret found in a watched configuration (EC2 user data, a Lambda environment variable), in the
 * only forms that may be stored: masked for people and a keyed hash, so a changed secret makes a new
 * revision without the secret ever reaching the database, evidence or logs.
 *
 * @param location where it is: the environment variable's name, or {@code userData:<line>}
 * @param ruleId the secret rule that matched (aws-access-key-id, github-pat, …)
 * @param title the rule's title
 * @param masked at most a quarter of the secret and never more than 6 characters ({@link SecretHasher#mask})
 * @param hash the keyed hash (HMAC-SHA256 with the installation's code-scan key, truncated)
 */
public record FoundSecret(String location, String ruleId, String title, String masked, String hash) {}
