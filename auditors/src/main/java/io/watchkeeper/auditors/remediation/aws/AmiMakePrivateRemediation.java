package io.watchkeeper.auditors.remediation.aws;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.AmiConfig;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.LaunchPermission;
import software.amazon.awssdk.services.ec2.model.LaunchPermissionModifications;
import software.amazon.awssdk.services.ec2.model.PermissionGroup;

/**
 * Makes a public AMI private: ModifyImageAttribute removes the launchPermission of group "all";
 * accounts and organizations it is shared with keep theirs. Rollback adds group "all" back (which
 * AWS refuses while the account's Block Public Access for AMIs is on).
 */
@AutoService(Remediation.class)
public final class AmiMakePrivateRemediation implements Remediation<AmiConfig> {

    private static final Pattern IMAGE_ID = Pattern.compile("ami-[0-9a-f]{8}([0-9a-f]{9})?");
    private static final Map<String, List<String>> CALLS = Map.of("ec2:ModifyImageAttribute",
            List.of("Region", "ImageId", "LaunchPermission"));

    @Override public String id() { return "aws.ec2.image/make-private"; }
    @Override public CheckId fixes() { return CheckId.of("aws.ec2.image/public"); }
    @Override public Class<AmiConfig> configType() { return AmiConfig.class; }
    @Override public Set<String> requiredPermissions() { return Set.of("ec2:ModifyImageAttribute"); }
    @Override public String description() {
        return "Remove the public (group \"all\") launch permission; account and organization shares stay.";
    }

    @Override
    public RemediationPlan plan(FindingView finding, AmiConfig config) {
        String image = AwsCalls.valid(config.imageId(), IMAGE_ID, "image id (ami-…)");
        String region = AwsCalls.region(finding);
        AwsCalls.accept(this, finding, "arn:aws:ec2:" + region + "::image/" + image, Set.of(fixes()));
        if (!isPublic(config)) {
            return AwsCalls.plan(this, finding, region, "nothing to do: image " + image + " is not public");
        }
        return AwsCalls.plan(this, finding, region, "Make image " + image + " private", call(region, image, "Remove"));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, AmiConfig before) {
        String image = AwsCalls.valid(before.imageId(), IMAGE_ID, "image id (ami-…)");
        List<ApiCall> calls = applied.empty() || !isPublic(before) ? List.of() : List.of(call(applied.region(), image, "Add"));
        return AwsCalls.rollback(this, applied, "arn:aws:ec2:" + applied.region() + "::image/" + image,
                "Make image " + image + " public again", calls);
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        AwsCalls.expect(this, call, CALLS);
        var ec2 = AwsCalls.aws(session).ec2(AwsCalls.region(call));
        var p = call.parameters();
        String image = AwsCalls.text(p, "ImageId", IMAGE_ID, "image id (ami-…)");
        var change = p.path("LaunchPermission");
        boolean add = change.has("Add");
        if (change.size() != 1 || !Json.parse("[{\"Group\":\"all\"}]").equals(change.path(add ? "Add" : "Remove"))) {
            throw new IllegalArgumentException(id() + " only adds or removes the launch permission of group \"all\"");
        }
        LaunchPermission all = LaunchPermission.builder().group(PermissionGroup.ALL).build();
        var builder = LaunchPermissionModifications.builder();
        var modifications = (add ? builder.add(all) : builder.remove(all)).build();
        AwsCalls.run(call, () -> ec2.modifyImageAttribute(r -> r.imageId(image).launchPermission(modifications)));
    }

    private static ApiCall call(String region, String image, String operation) {
        var params = Json.object().put("Region", region).put("ImageId", image);
        params.putObject("LaunchPermission").putArray(operation).addObject().put("Group", "all");
        return new ApiCall("ec2", "ModifyImageAttribute", params);
    }

    private static boolean isPublic(AmiConfig config) {
        return Boolean.TRUE.equals(config.publicImage()) || config.launchPermissions() != null
                && config.launchPermissions().stream().anyMatch(p -> p != null && "all".equals(p.group()));
    }
}
