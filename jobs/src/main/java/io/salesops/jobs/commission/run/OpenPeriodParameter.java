package io.salesops.jobs.commission.run;

import io.salesops.jobs.commission.ledger.CommissionPeriods;
import io.salesops.jobs.runtime.PeriodParameter;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * Refuses to start the commissions job for a closed period, before an execution exists: a closed
 * period never changes, and a failed execution for it could only be restarted into the same refusal.
 */
final class OpenPeriodParameter implements JobParametersValidator {

    private final CommissionPeriods periods;

    OpenPeriodParameter(CommissionPeriods periods) {
        this.periods = periods;
    }

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
        if (parameters == null || !(parameters.getParameter(PeriodParameter.NAME) != null
                && parameters.getParameter(PeriodParameter.NAME).value() instanceof java.time.YearMonth)) {
            return; // PeriodParameter reports a missing or untyped period
        }
        try {
            periods.requireOpen(PeriodParameter.of(parameters).toString());
        } catch (IllegalStateException e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
    }
}
