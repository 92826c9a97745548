package io.salesops.jobs.mart;

import io.salesops.warehouse.model.TableDefinition;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An analytics computation for one period: the warehouse tables it reads, the marts it writes, and
 * the Dataset → Dataset function between them. It reads and writes nothing itself; {@link MartSteps}
 * runs it in a step that pins the inputs, stages and publishes the marts, and prunes.
 */
public interface MartComputation {

    /** Short name, used in the staging batch id (e.g. {@code territory} → {@code territory-42}). */
    String name();

    /** What it reads; pinned before the step runs, and what the {@code asOf} parameter may name. */
    List<TableDefinition> inputs();

    /** Tables read when the warehouse has them (data not every user exports); none by default. */
    default List<TableDefinition> optionalInputs() {
        return List.of();
    }

    /** The marts it writes, each partitioned by {@code period}; {@link #compute} returns one Dataset per mart. */
    List<TableDefinition> outputs();

    /**
     * The period's rows of every output mart, from the pinned inputs. May run Spark actions to check
     * its input (a failure names what is wrong); should not write anywhere.
     */
    Map<TableDefinition, Dataset<Row>> compute(MartInputs inputs, YearMonth period);

    /** The same, for a computation that reads another of its job's parameters (the forecast's horizon). */
    default Map<TableDefinition, Dataset<Row>> compute(MartInputs inputs, YearMonth period,
                                                       org.springframework.batch.core.job.parameters.JobParameters parameters) {
        return compute(inputs, period);
    }
}
