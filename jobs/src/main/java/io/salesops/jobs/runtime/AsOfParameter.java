package io.salesops.jobs.runtime;

import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.MissingVersionException;
import io.salesops.warehouse.store.Warehouse;
import io.salesops.warehouse.store.WarehouseSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * The optional job parameter {@code asOf}, e.g. {@code invoices=3,fx_rates=2}: read these input
 * tables at these versions instead of their current ones. Checked before any step runs: every
 * table must be one the job reads, and every version must exist.
 */
public final class AsOfParameter implements JobParametersValidator {

    public static final String NAME = "asOf";

    private final Warehouse warehouse;
    private final List<TableDefinition> inputs;

    public AsOfParameter(Warehouse warehouse, List<TableDefinition> inputs) {
        this.warehouse = warehouse;
        this.inputs = List.copyOf(inputs);
    }

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
        WarehouseSnapshot pins;
        try {
            pins = pins(parameters);
        } catch (IllegalArgumentException e) {
            throw new InvalidJobParametersException("job parameter " + NAME + ": " + e.getMessage());
        }
        for (Map.Entry<String, Integer> pin : pins.versions().entrySet()) {
            TableDefinition table = input(pin.getKey()).orElseThrow(() -> new InvalidJobParametersException(
                    "job parameter " + NAME + " names table " + pin.getKey() + ", which this job does not read; it reads "
                            + String.join(", ", inputs.stream().map(TableDefinition::name).sorted().toList())));
            try {
                warehouse.requireVersion(table, pin.getValue());
            } catch (MissingVersionException e) {
                throw new InvalidJobParametersException("job parameter " + NAME + ": " + e.getMessage());
            }
        }
    }

    /** The pins the parameter asks for; empty without the parameter. */
    public static WarehouseSnapshot pins(JobParameters parameters) {
        return WarehouseSnapshot.parse(parameters == null ? null : parameters.getString(NAME));
    }

    private Optional<TableDefinition> input(String name) {
        return inputs.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
