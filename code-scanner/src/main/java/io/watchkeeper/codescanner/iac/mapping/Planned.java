package io.watchkeeper.codescanner.iac.mapping;

import io.watchkeeper.codescanner.iac.IacResource;
import java.util.List;
import java.util.Map;

/**
 * The configuration a plan or template would give one cloud resource, as the typed record the
 * watcher of that type produces, so the same checks judge it.
 *
 * @param type the Watchkeeper resource type ({@code aws.s3.bucket})
 * @param name the resource's name when static (bucket name, role name, group name...), else null
 * @param config the typed configuration record
 * @param origin the main declaration (the {@code aws_s3_bucket}, the {@code AWS::S3::Bucket})
 * @param parts declarations that set one aspect of it, by aspect ({@code public-access-block},
 *     {@code policy}, {@code acl}, {@code versioning}, {@code encryption}, {@code logging},
 *     {@code ingress}, {@code inline-policy}, {@code attachment}); findings about that aspect point there
 * @param unknown arguments whose value is known only at apply time (judged as their benign stand-in)
 * @param declared the aspects the files set explicitly; when the resource exists, only these replace the live state
 */
public record Planned(String type, String name, Record config, IacResource origin, Map<String, IacResource> parts,
                      List<String> unknown, java.util.Set<String> declared) {

    public Planned {
        parts = Map.copyOf(parts);
        unknown = List.copyOf(unknown);
        declared = java.util.Set.copyOf(declared);
    }
}
