package io.watchkeeper.codescanner.iac;

/**
 * One file handed to the IaC analysis.
 *
 * @param path repository-relative path
 * @param text its content (UTF-8, decoded leniently)
 * @param commit the commit it is reported in, or null
 * @param order its commit's position in a history walk (0 otherwise)
 */
public record IacFile(String path, String text, String commit, int order) {

    /** The folder part of the path ("" at the root). */
    public String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
