package io.salesops.jobs.commission.run;

import io.salesops.jobs.commission.ledger.CommissionPeriods;
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
        String period = parameters == null ? null : parameters.getString("period");
        if (period == null) {
            return; // PeriodParameter reports the missing period
        }
        try {
            periods.requireOpen(period);
        } catch (IllegalStateException e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
    }
}
