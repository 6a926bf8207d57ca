/**
 * Code scanner: sources (working tree, a commit's tree, a pull request's added lines, the whole
 * history; jgit in-process, never a git executable), secret rules as data with an Aho-Corasick
 * keyword prefilter, findings with keyed hashes and stable fingerprints, the inventory join through
 * core's {@code AccessKeyDirectory} port, optional live verification, JSON and SARIF reports.
 * Infrastructure-as-code analysis and pull-request delivery come later and plug into the same
 * sources and findings.
 */
package io.watchkeeper.codescanner;
