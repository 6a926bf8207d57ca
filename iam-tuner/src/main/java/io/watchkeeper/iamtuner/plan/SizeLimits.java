package io.watchkeeper.iamtuner.plan;

import io.watchkeeper.iamtuner.aws.PrincipalType;
import io.watchkeeper.iamtuner.policy.Policy;
import java.util.Collection;

/** IAM's size quotas, in characters not counting whitespace. */
public final class SizeLimits {

    /** All inline policies of a role together. */
    public static final int ROLE_INLINE = 10_240;
    /** All inline policies of a user together. */
    public static final int USER_INLINE = 2_048;
    /** One managed policy version. */
    public static final int MANAGED = 6_144;

    private SizeLimits() {}

    public static int inlineLimit(PrincipalType type) {
        return type == PrincipalType.USER ? USER_INLINE : ROLE_INLINE;
    }

    public static int counted(Collection<String> texts) {
        return texts.stream().filter(java.util.Objects::nonNull).mapToInt(Policy::countedLength).sum();
    }
}
