package io.watchkeeper.iamtuner.lifecycle;

import io.watchkeeper.core.tuner.TunerSetting;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Defaults and their resolution: principal setting, then account setting, then these.
 *
 * @param windowDays look-back window (90)
 * @param noticeDays notice between scheduling and applying (7)
 * @param watchPeriod how long AccessDenied on removed actions is watched after a change (14 days)
 * @param autoApply apply scheduled plans automatically (off)
 * @param autoRestore restore automatically on AccessDenied of a removed action (off)
 */
public record TunerDefaults(int windowDays, int noticeDays, Duration watchPeriod, boolean autoApply, boolean autoRestore) {

    public static TunerDefaults standard() {
        return new TunerDefaults(90, 7, Duration.ofDays(14), false, false);
    }

    /** The account-level values in force. */
    public record Effective(int windowDays, int noticeDays, boolean autoApply, boolean autoRestore,
                            Map<String, Integer> principalWindows) {}

    public Effective resolve(List<TunerSetting> rows) {
        int window = windowDays;
        int notice = noticeDays;
        boolean apply = autoApply;
        boolean restore = autoRestore;
        Map<String, Integer> perPrincipal = new HashMap<>();
        for (TunerSetting s : rows) {
            if (s.principalArn() == null) {
                window = s.windowDays() == null ? window : s.windowDays();
                notice = s.noticeDays() == null ? notice : s.noticeDays();
                apply = s.autoApply() == null ? apply : s.autoApply();
                restore = s.autoRestore() == null ? restore : s.autoRestore();
            } else if (s.windowDays() != null) {
                perPrincipal.put(s.principalArn(), s.windowDays());
            }
        }
        return new Effective(window, notice, apply, restore, perPrincipal);
    }
}
