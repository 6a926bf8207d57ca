package io.watchkeeper.core.tuner;

/**
 * Tuner settings of an account ({@code principalArn} null) or of one principal; null fields inherit
 * (principal → account → defaults).
 *
 * @param windowDays look-back window
 * @param autoApply apply scheduled plans when their notice period ends (off by default)
 * @param autoRestore restore the previous documents when a removed action is denied after a change
 * @param noticeDays notice period between scheduling and applying
 */
public record TunerSetting(long accountId, String principalArn, Integer windowDays, Boolean autoApply,
                           Boolean autoRestore, Integer noticeDays) {}
