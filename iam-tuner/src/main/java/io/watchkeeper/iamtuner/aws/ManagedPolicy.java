package io.watchkeeper.iamtuner.aws;

import java.util.List;

/**
 * A managed policy with its default version's exact document.
 *
 * @param awsManaged an AWS-managed policy ({@code arn:aws:iam::aws:policy/...}): never changed, replaced by a copy
 * @param versionIds every version id (a policy holds at most five)
 */
public record ManagedPolicy(String arn, String name, String path, boolean awsManaged, String defaultVersionId,
                            String document, List<String> versionIds) {

    public ManagedPolicy {
        versionIds = List.copyOf(versionIds);
    }
}
