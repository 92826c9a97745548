package io.salesops.app.cli;

import io.salesops.jobs.commission.run.CommissionsJobConfiguration;
import io.salesops.jobs.forecast.ForecastJobConfiguration;
import io.salesops.jobs.funnel.FunnelsJobConfiguration;
import io.salesops.jobs.ingest.IngestJobConfiguration;
import io.salesops.jobs.monthend.MonthEndCloseJobConfiguration;
import java.util.Iterator;
import java.util.List;

/**
 * The jobs {@code salesops run} can start, for its help, which is printed without starting the
 * Spring context that holds them. The end-to-end test checks the list against the context's jobs.
 */
final class KnownJobs implements Iterable<String> {

    static final List<String> NAMES = List.of(CommissionsJobConfiguration.JOB_NAME, ForecastJobConfiguration.JOB_NAME,
            FunnelsJobConfiguration.JOB_NAME, IngestJobConfiguration.JOB_NAME, MonthEndCloseJobConfiguration.JOB_NAME);

    @Override
    public Iterator<String> iterator() {
        return NAMES.iterator();
    }
}
