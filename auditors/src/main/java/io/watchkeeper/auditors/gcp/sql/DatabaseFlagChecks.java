package io.watchkeeper.auditors.gcp.sql;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import java.util.List;

/** The CIS GCP 6.1–6.3 database-flag checks, one per {@link DatabaseFlag#CIS} entry. */
@AutoService(CheckSet.class)
public final class DatabaseFlagChecks implements CheckSet {

    @Override
    public List<Check<?>> checks() {
        return DatabaseFlag.CIS.stream().<Check<?>>map(DatabaseFlagCheck::new).toList();
    }
}
