package io.watchkeeper.auditors.gcp.logging;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import java.util.List;

/** The CIS GCP 2.4–2.11 metric and alert checks, one per {@link MetricAlert#CIS} entry. */
@AutoService(CheckSet.class)
public final class LogMetricAlertChecks implements CheckSet {

    @Override
    public List<Check<?>> checks() {
        return MetricAlert.CIS.stream().<Check<?>>map(LogMetricAlertCheck::new).toList();
    }
}
