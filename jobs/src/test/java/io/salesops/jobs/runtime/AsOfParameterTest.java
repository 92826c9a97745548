package io.salesops.jobs.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.Warehouse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.SimpleJob;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** The asOf job parameter against a real warehouse: invoices has versions 1 and 2, fx_rates version 1. */
class AsOfParameterTest {

    static final List<TableDefinition> INPUTS = List.of(CanonicalTables.INVOICES, CanonicalTables.FX_RATES);

    @TempDir
    Path root;

    Warehouse warehouse;
    AsOfParameter rule;

    @BeforeEach
    void publishVersions() {
        warehouse = new Warehouse(root);
        publishEmptyVersion(CanonicalTables.INVOICES, "b1");
        publishEmptyVersion(CanonicalTables.INVOICES, "b2");
        publishEmptyVersion(CanonicalTables.FX_RATES, "b1");
        rule = new AsOfParameter(warehouse, INPUTS);
    }

    @Test
    void existingVersionsOfTablesTheJobReadsAreAccepted() throws Exception {
        rule.validate(asOf("invoices=1,fx_rates=1"));
        rule.validate(new JobParameters());

        assertThat(AsOfParameter.pins(asOf("invoices=1, fx_rates=1")).format()).isEqualTo("fx_rates=1,invoices=1");
        assertThat(AsOfParameter.pins(new JobParameters()).isEmpty()).isTrue();
    }

    @Test
    void aTableTheJobDoesNotReadIsRefusedWithTheTablesItReads() {
        assertThatThrownBy(() -> rule.validate(asOf("invoices=1,deals=2")))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessage("job parameter asOf names table deals, which this job does not read; it reads fx_rates,"
                        + " invoices");
    }

    @Test
    void aMissingVersionIsRefusedWithTheVersionsThatExist() {
        assertThatThrownBy(() -> rule.validate(asOf("invoices=7")))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessage("job parameter asOf: table invoices has no version 7 (the newest is 2); versions that"
                        + " exist: 1, 2 (current: 2)");
    }

    @Test
    void malformedTextIsRefusedWithTheRule() {
        assertThatThrownBy(() -> rule.validate(asOf("invoices")))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessage("job parameter asOf: snapshot entries are TABLE=VERSION separated by commas, cannot be:"
                        + " 'invoices' in 'invoices'");
    }

    @Test
    void theRulesOfAJobTellWhetherItTakesAPeriodOrAsOf() {
        SimpleJob monthEnd = new SimpleJob("monthEnd");
        monthEnd.setJobParametersValidator(new JobParameterRules(new PeriodParameter(), rule));
        SimpleJob periodOnly = new SimpleJob("periodOnly");
        periodOnly.setJobParametersValidator(new PeriodParameter());
        SimpleJob ingest = new SimpleJob("ingest");

        assertThat(JobParameterRules.takes(monthEnd, PeriodParameter.class)).isTrue();
        assertThat(JobParameterRules.takes(monthEnd, AsOfParameter.class)).isTrue();
        assertThat(JobParameterRules.takes(periodOnly, PeriodParameter.class)).isTrue();
        assertThat(JobParameterRules.takes(periodOnly, AsOfParameter.class)).isFalse();
        assertThat(JobParameterRules.takes(ingest, PeriodParameter.class)).isFalse();
    }

    private static JobParameters asOf(String value) {
        return new JobParametersBuilder().addString(AsOfParameter.NAME, value).toJobParameters();
    }

    /** Retention and lookups only need the version directories; the rows do not matter here. */
    private void publishEmptyVersion(TableDefinition table, String batchId) {
        warehouse.stage(table, batchId);
        warehouse.publish(table, batchId);
    }
}
