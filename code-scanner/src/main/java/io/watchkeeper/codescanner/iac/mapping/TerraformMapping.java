package io.watchkeeper.codescanner.iac.mapping;

import io.watchkeeper.codescanner.iac.IacResource;
import java.util.ArrayList;
import java.util.List;

/** Terraform resources (from .tf files or a plan) to the watchers' typed configuration records. */
public final class TerraformMapping {

    private TerraformMapping() {}

    public static List<Planned> map(List<IacResource> resources) {
        List<Planned> out = new ArrayList<>();
        TerraformS3.map(resources, out);
        TerraformNetwork.map(resources, out);
        TerraformIam.map(resources, out);
        TerraformOthers.map(resources, out);
        return out;
    }
}
