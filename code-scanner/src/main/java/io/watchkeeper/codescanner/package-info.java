/**
 * Code scanner: diff extraction, rules (secrets, IaC, risky code) and pull-request delivery. Not
 * yet built.
 */
package io.watchkeeper.codescanner;
