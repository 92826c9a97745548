package io.salesops.app.cli;

import io.salesops.jobs.config.WarehouseCatalog;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Looks into the warehouse without starting Spring or Spark. */
@Command(name = "warehouse", mixinStandardHelpOptions = true, description = "Inspect warehouse tables.",
        subcommands = WarehouseCommand.History.class)
final class WarehouseCommand {

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "List a table's published versions, newest first; * marks the current one.")
    static final class History implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataDirOption data;

        @Parameters(index = "0", paramLabel = "TABLE", description = "Table name, e.g. opportunities.")
        String tableName;

        @Override
        public Integer call() {
            TableDefinition table = WarehouseCatalog.find(tableName).orElseThrow(() -> new CliException(
                    "unknown table " + tableName + "; known tables: " + String.join(", ",
                            WarehouseCatalog.ALL.stream().map(TableDefinition::name).toList())));
            Warehouse warehouse = new Warehouse(new DataLayout(data.existingDataDir()).warehouse());
            List<TableVersion> versions = warehouse.history(table);
            Integer current = warehouse.current(table).map(TableVersion::version).orElse(null);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("  %-9s %-21s %-28s %12s%n", "VERSION", "CREATED", "BATCH", "ROWS");
            for (TableVersion version : versions) {
                out.printf("%s %-9s %-21s %-28s %,12d%n", Integer.valueOf(version.version()).equals(current) ? "*" : " ",
                        version.label(), version.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        version.batchId(), version.rowCount());
            }
            if (versions.isEmpty()) {
                out.println("(no published version of " + tableName + ")");
            } else if (versions.get(versions.size() - 1).version() > 1) {
                out.println("(older versions were pruned; salesops.warehouse.retain-versions sets how many are kept)");
            }
            out.flush();
            return 0;
        }
    }
}
