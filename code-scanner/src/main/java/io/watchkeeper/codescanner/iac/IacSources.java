package io.watchkeeper.codescanner.iac;

import io.watchkeeper.codescanner.source.Content;
import io.watchkeeper.codescanner.source.ContentReader;
import io.watchkeeper.codescanner.source.FileRef;
import io.watchkeeper.codescanner.source.GitSources;
import io.watchkeeper.codescanner.source.ScanLimits;
import io.watchkeeper.codescanner.source.WorkingTree;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

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
     * History: the IaC files the walk collected, with every Terraform file replaced by its module as
     * it was in the commit that introduced it (the folder's .tf and tfvars files in that commit's
     * tree), so a module is judged whole, as of each commit that changed it.
     */
    public static List<IacFile> historyModules(Repository repo, List<IacFile> collected, ScanLimits limits) {
        List<IacFile> out = new ArrayList<>();
        Map<String, IacFile> modules = new LinkedHashMap<>(); // folder + commit -> one file of it (for commit and order)
        for (IacFile f : collected) {
            if (io.watchkeeper.codescanner.iac.terraform.TerraformModule.isTerraform(f.name()) && f.commit() != null) {
                modules.putIfAbsent(f.folder() + "\0" + f.commit(), f);
            } else {
                out.add(f);
            }
        }
        try (ContentReader reader = ContentReader.blobs(repo, limits); RevWalk walk = new RevWalk(repo)) {
            for (IacFile m : modules.values()) {
                RevCommit commit = walk.parseCommit(ObjectId.fromString(m.commit()));
                try (TreeWalk tw = new TreeWalk(repo)) {
                    tw.addTree(commit.getTree());
                    tw.setRecursive(true);
                    if (!m.folder().isEmpty()) {
                        tw.setFilter(PathFilter.create(m.folder()));
                    }
                    while (tw.next()) {
                        String p = tw.getPathString();
                        int slash = p.lastIndexOf('/');
                        String folder = slash < 0 ? "" : p.substring(0, slash);
                        FileMode mode = tw.getFileMode(0);
                        if (!folder.equals(m.folder()) || (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE)
                                || !io.watchkeeper.codescanner.iac.terraform.TerraformModule.isTerraform(p.substring(slash + 1))) {
                            continue;
                        }
                        FileRef ref = new FileRef(p, tw.getObjectId(0), null, m.commit(), m.order(), io.watchkeeper.codescanner.source.LineSet.ALL);
                        IacFile f = decode(ref, reader.read(ref));
                        if (f != null) {
                            out.add(new IacFile(f.path(), f.text(), m.commit(), m.order()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Most folders of local modules added to a pull request's folders (a bound on what one pull request reads). */
    static final int MAX_MODULE_FOLDERS = 200;

    /**
     * The IaC files of {@code revision}: Terraform files in {@code folders} and in the folders of the local
     * modules they call (./x, ../x; followed through modules that call modules, even where the pull request
     * changes nothing, so a changed root module is judged with its modules), and the files named in {@code paths}.
     */
    public static List<IacFile> read(Repository repo, String revision, Set<String> folders, Set<String> paths, ScanLimits limits) {
        WorkingTree.Listing listing = GitSources.tree(repo, revision);
        Map<String, List<FileRef>> terraformByFolder = new java.util.HashMap<>();
        for (FileRef ref : listing.files()) {
            String p = ref.path();
            int slash = p.lastIndexOf('/');
            if (io.watchkeeper.codescanner.iac.terraform.TerraformModule.isTerraform(p.substring(slash + 1))) {
                terraformByFolder.computeIfAbsent(slash < 0 ? "" : p.substring(0, slash), k -> new ArrayList<>()).add(ref);
            }
        }
        List<IacFile> out = new ArrayList<>();
        Map<String, IacFile> decoded = new java.util.HashMap<>();
        try (ContentReader reader = ContentReader.blobs(repo, limits)) {
            Set<String> withModules = moduleClosure(folders, terraformByFolder, ref -> decoded.computeIfAbsent(ref.path(),
                    k -> decode(ref, reader.read(ref))));
            for (FileRef ref : listing.files()) {
                String p = ref.path();
                int slash = p.lastIndexOf('/');
                String folder = slash < 0 ? "" : p.substring(0, slash);
                boolean tf = io.watchkeeper.codescanner.iac.terraform.TerraformModule.isTerraform(p.substring(slash + 1));
                if ((tf && withModules.contains(folder)) || paths.contains(p)) {
                    IacFile f = decoded.containsKey(p) ? decoded.get(p) : decode(ref, reader.read(ref));
                    if (f != null) {
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }

    /** {@code folders} and the folders of the local modules their Terraform files call, transitively (bounded). */
    private static Set<String> moduleClosure(Set<String> folders, Map<String, List<FileRef>> terraformByFolder,
                                             java.util.function.Function<FileRef, IacFile> read) {
        Set<String> all = new java.util.LinkedHashSet<>(folders);
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(folders);
        int added = 0;
        while (!todo.isEmpty()) {
            String folder = todo.poll();
            for (FileRef ref : terraformByFolder.getOrDefault(folder, List.of())) {
                IacFile f = read.apply(ref);
                if (f == null || !ref.path().endsWith(".tf")) {
                    continue;
                }
                for (String source : io.watchkeeper.codescanner.iac.terraform.TerraformModule.localModuleSources(f.text())) {
                    String key = IacAnalyzer.childKey(folder + "\0", source);
                    String child = key == null ? null : key.substring(0, key.indexOf('\0'));
                    if (child != null && terraformByFolder.containsKey(child) && added < MAX_MODULE_FOLDERS && all.add(child)) {
                        added++;
                        todo.add(child);
                    }
                }
            }
        }
        return all;
    }
}
