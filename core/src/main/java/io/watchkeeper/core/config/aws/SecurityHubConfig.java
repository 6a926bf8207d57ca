package io.watchkeeper.core.config.aws;

import java.time.Instant;
import java.util.List;

/**
 * AWS Security Hub in one region ({@code aws.securityhub.hub}): one item per account and region,
 * also when it is not enabled there.
 *
 * @param region the region
 * @param enabled whether the account is subscribed to Security Hub in the region
 * @param hubArn the hub's ARN, or null when not enabled
 * @param subscribedAt when it was enabled, or null
 * @param autoEnableControls whether new controls of enabled standards are enabled automatically
 * @param controlFindingGenerator SECURITY_CONTROL (consolidated) or STANDARD_CONTROL, or null
 * @param standards the enabled standards, sorted by ARN; empty when none or not enabled
 */
public record SecurityHubConfig(
        String region,
        boolean enabled,
        String hubArn,
        Instant subscribedAt,
        Boolean autoEnableControls,
        String controlFindingGenerator,
        List<Standard> standards) {

    /**
     * One standard subscription.
     *
     * @param standardsArn the standard (CIS AWS Foundations, AWS FSBP, …)
     * @param subscriptionArn the subscription
     * @param status PENDING, READY, FAILED, DELETING or INCOMPLETE
     */
    public record Standard(String standardsArn, String subscriptionArn, String status) {}
}
