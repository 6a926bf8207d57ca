package io.watchkeeper.codescanner.iac;

import io.watchkeeper.codescanner.source.Content;
import io.watchkeeper.codescanner.source.ContentReader;
import io.watchkeeper.codescanner.source.FileRef;
import io.watchkeeper.codescanner.source.GitSources;
import io.watchkeeper.codescanner.source.ScanLimits;
import io.watchkeeper.codescanner.source.WorkingTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.Repository;

/** IaC files of a commit's tree, limited to the folders and files a pull request touches. */
public final class IacSources {

    private IacSources() {}

    /** The decoded text of a file's content when it is an IaC candidate worth parsing, else null. */
    public static IacFile decode(FileRef ref, Content content) {
        if (!IacAnalyzer.candidate(ref.path()) || content.skipped() != null) {
            return null;
        }
        String text = new String(content.data(), 0, content.length(), StandardCharsets.UTF_8);
        return IacAnalyzer.interesting(ref.path(), text) ? new IacFile(ref.path(), text, ref.commit(), ref.order()) : null;
    }

    /**
     * The IaC files of {@code revision}: Terraform files in {@code folders}, and the files named in {@code paths}.
     */
    public static List<IacFile> read(Repository repo, String revision, Set<String> folders, Set<String> paths, ScanLimits limits) {
        WorkingTree.Listing listing = GitSources.tree(repo, revision);
        List<IacFile> out = new ArrayList<>();
        try (ContentReader reader = ContentReader.blobs(repo, limits)) {
            for (FileRef ref : listing.files()) {
                String p = ref.path();
                int slash = p.lastIndexOf('/');
                String folder = slash < 0 ? "" : p.substring(0, slash);
                boolean tf = io.watchkeeper.codescanner.iac.terraform.TerraformModule.isTerraform(p.substring(slash + 1));
                if ((tf && folders.contains(folder)) || paths.contains(p)) {
                    IacFile f = decode(ref, reader.read(ref));
                    if (f != null) {
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }
}
