/**
 * Auditors: one class per check, risk scoring, the findings lifecycle and remediations. Filled by
 * the auditors issue; plain Java on top of core's ports.
 */
package io.watchkeeper.auditors;
