package io.watchkeeper.codescanner.source;

import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One file to scan: a blob of a git repository or a regular file of a working tree.
 *
 * @param path repository-relative path with '/' separators, as stored (may hold any character)
 * @param blob the git blob, or null for a working-tree file
 * @param file the working-tree file, or null for a blob
 * @param commit the commit the file is reported in (history: the first that introduced the blob), or null
 * @param order position of that commit in the walk (oldest first), for choosing the earliest occurrence
 * @param added the lines to report (a pull request's added lines), {@link LineSet#ALL} otherwise
 */
public record FileRef(String path, ObjectId blob, Path file, String commit, int order, LineSet added) {}
