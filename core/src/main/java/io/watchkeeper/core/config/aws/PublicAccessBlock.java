package io.watchkeeper.core.config.aws;

/** S3 Block Public Access settings (bucket or account level); null members mean "not set". */
public record PublicAccessBlock(Boolean blockPublicAcls, Boolean ignorePublicAcls, Boolean blockPublicPolicy,
                                Boolean restrictPublicBuckets) {

    /** Whether all four settings are on. */
    public boolean allBlocked() {
        return Boolean.TRUE.equals(blockPublicAcls) && Boolean.TRUE.equals(ignorePublicAcls)
                && Boolean.TRUE.equals(blockPublicPolicy) && Boolean.TRUE.equals(restrictPublicBuckets);
    }
}
