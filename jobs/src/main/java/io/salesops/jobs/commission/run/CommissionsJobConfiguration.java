package io.salesops.jobs.commission.run;

import io.salesops.jobs.config.CommissionProperties;
import io.salesops.jobs.config.SalesOpsProperties;
import io.salesops.jobs.runtime.AsOfParameter;
import io.salesops.jobs.runtime.InputPinning;
import io.salesops.jobs.runtime.OutputPinning;
import io.salesops.jobs.runtime.JobParameterRules;
import io.salesops.jobs.runtime.PeriodParameter;
import io.salesops.jobs.runtime.ProcessOwnerListener;
import io.salesops.jobs.runtime.PruneAfterPublish;
import io.salesops.jobs.spark.SparkSessionProvider;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.analyst.AnalystDatabase;
import io.salesops.warehouse.store.Warehouse;
import io.salesops.jobs.commission.ledger.CommissionPeriods;
import io.salesops.jobs.commission.ledger.ManualAdjustments;
import io.salesops.jobs.commission.ledger.PeriodClose;
import io.salesops.reports.commission.RepStatementReport;
import io.salesops.reports.pdf.ReportFont;
import java.time.Clock;
import java.time.YearMonth;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * commissions: the month-end commission run for one period, over the warehouse as it is (ingest
 * runs separately): calculate (with corrections of the closed periods before it) → publish (the
 * period becomes CALCULATED) → a statement PDF per rep → analyst views. See README.md in this package.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommissionProperties.class)
public class CommissionsJobConfiguration {

    public static final String JOB_NAME = "commissions";

    @Bean
    Job commissions(JobRepository jobRepository, Warehouse warehouse, CommissionPeriods periods,
                    Step calculateCommissions, Step publishCommissions, Step renderStatements,
                    Step refreshAnalystDatabase, StatementWarmUp statementWarmUp) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new JobParameterRules(new PeriodParameter(), new OpenPeriodParameter(periods),
                        new AsOfParameter(warehouse, CommissionInputs.INPUTS)))
                .listener(new ProcessOwnerListener(jobRepository))
                .listener(statementWarmUp)
                .start(calculateCommissions)
                .next(publishCommissions)
                .next(renderStatements)
                .next(refreshAnalystDatabase)
                .build();
    }

    @Bean
    Step calculateCommissions(JobRepository jobRepository, Warehouse warehouse, Tasklet calculateCommissionsTasklet) {
        return new StepBuilder("calculateCommissions", jobRepository).tasklet(calculateCommissionsTasklet)
                .listener(new InputPinning(jobRepository, warehouse, CommissionInputs.INPUTS,
                        CommissionInputs.OPTIONAL_INPUTS))
                .build();
    }

    @Bean
    Step publishCommissions(JobRepository jobRepository, Warehouse warehouse, PruneAfterPublish retention,
                            CommissionPeriods periods, DataLayout layout) {
        return new StepBuilder("publishCommissions", jobRepository)
                .tasklet(new PublishCommissionsTasklet(warehouse, retention, periods, Clock.systemUTC(), layout))
                .listener(new OutputPinning(jobRepository)).build();
    }

    @Bean
    Step renderStatements(JobRepository jobRepository, Tasklet renderStatementsTasklet) {
        return new StepBuilder("renderStatements", jobRepository).tasklet(renderStatementsTasklet).build();
    }

    @Bean
    RepStatementReport repStatementReport(SalesOpsProperties properties) {
        return new RepStatementReport(ReportFont.fromSystemProperties(), Clock.system(properties.zone()));
    }

    @Bean
    StatementWarmUp statementWarmUp(RepStatementReport report) {
        return new StatementWarmUp(report);
    }

    @Bean
    @StepScope
    Tasklet renderStatementsTasklet(RepStatementReport report, StatementWarmUp warmUp, Warehouse warehouse,
                                    DataLayout layout, @Value("#{jobParameters['period']}") YearMonth period) {
        return new RenderStatementsTasklet(report, warmUp, warehouse, layout, period);
    }

    @Bean
    CommissionPeriods commissionPeriods(DataSource dataSource) {
        return new CommissionPeriods(dataSource, Clock.systemUTC());
    }

    @Bean
    LaterPeriods laterPeriods(CommissionPeriods periods) {
        return new LaterPeriods(periods);
    }

    @Bean
    PeriodClose periodClose(Warehouse warehouse, CommissionPeriods periods, AnalystDatabase analyst,
                            DataLayout layout) {
        return new PeriodClose(warehouse, periods, analyst, layout);
    }

    @Bean
    ManualAdjustments manualAdjustments(DataSource dataSource, CommissionPeriods periods) {
        return new ManualAdjustments(dataSource, periods, Clock.systemUTC());
    }

    @Bean
    RecordAdjustment recordAdjustment(ManualAdjustments adjustments, Warehouse warehouse, SalesOpsProperties salesOps,
                                      CommissionProperties commissions) {
        return new RecordAdjustment(adjustments, warehouse, commissions.setupDir(salesOps.dataDir()));
    }

    @Bean
    @StepScope
    Tasklet calculateCommissionsTasklet(SparkSessionProvider spark, Warehouse warehouse, DataLayout layout,
                                        CommissionPeriods periods, ManualAdjustments adjustments,
                                        SalesOpsProperties salesOps, CommissionProperties commissions,
                                        @Value("#{jobParameters['period']}") YearMonth period) {
        return new CalculateCommissionsTasklet(spark, warehouse, layout, periods,
                new PeriodAdjustments(periods, adjustments, warehouse, commissions.correctionLookbackMonths()),
                new CalculateCommissionsTasklet.Settings(commissions.setupDir(salesOps.dataDir()),
                        commissions.clawbackUnpaidAfterDays(), commissions.payAfterTermination()), period);
    }
}
