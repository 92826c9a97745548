package io.salesops.jobs.commission.run;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the calculation step hands the later steps, kept in the job execution context so a restart
 * of publish or render finds it: the run, its result hash, what it was calculated with, its totals
 * and its staged payroll file.
 *
 * @param planVersions the plans paid, e.g. {@code manager v1, sales-rep v2}
 * @param currency     the statements' currency; {@code MIXED} when they differ
 */
record CalculatedRun(String runId, String resultHash, String setupHash, String planVersions, long repCount,
                     long lineCount, BigDecimal totalPayable, String currency, Path payrollFile) {

    private static final String RUN_ID = "commission.run-id";
    private static final String RESULT_HASH = "commission.result-hash";
    private static final String SETUP_HASH = "commission.setup-hash";
    private static final String PLAN_VERSIONS = "commission.plan-versions";
    private static final String REP_COUNT = "commission.rep-count";
    private static final String LINE_COUNT = "commission.line-count";
    private static final String TOTAL_PAYABLE = "commission.total-payable";
    private static final String CURRENCY = "commission.currency";
    private static final String PAYROLL_FILE = "commission.payroll-file";

    /** The staging batch of the run's marts. */
    String batchId() {
        return batchId(runId);
    }

    static String batchId(String runId) {
        return "commissions-" + runId;
    }

    void saveTo(ExecutionContext job) {
        job.putString(RUN_ID, runId);
        job.putString(RESULT_HASH, resultHash);
        job.putString(SETUP_HASH, setupHash);
        job.putString(PLAN_VERSIONS, planVersions);
        job.putLong(REP_COUNT, repCount);
        job.putLong(LINE_COUNT, lineCount);
        job.putString(TOTAL_PAYABLE, totalPayable.toPlainString());
        job.putString(CURRENCY, currency);
        job.putString(PAYROLL_FILE, payrollFile.toString());
    }

    static CalculatedRun from(ExecutionContext job) {
        return new CalculatedRun(job.getString(RUN_ID), job.getString(RESULT_HASH), job.getString(SETUP_HASH),
                job.getString(PLAN_VERSIONS), job.getLong(REP_COUNT), job.getLong(LINE_COUNT),
                new BigDecimal(job.getString(TOTAL_PAYABLE)), job.getString(CURRENCY),
                Path.of(job.getString(PAYROLL_FILE)));
    }
}
