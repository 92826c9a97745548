package io.salesops.ingest.csv;

import static io.salesops.warehouse.model.ColumnType.LONG;
import static io.salesops.warehouse.model.ColumnType.STRING;

import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.model.Zone;

/** Tables ingest keeps about its own work. */
public final class IngestTables {

    /** Quarantine: one row per rejected record, replaced per target table on every load of that table. */
    public static final TableDefinition REJECTS = TableDefinition.builder("ingest_rejects", Zone.SYSTEM,
                    "Rejected export records with the rule they broke.")
            .key("table_name", "source_file", "line")
            .required("table_name", STRING, "canonical table the record was meant for")
            .required("batch_id", STRING, "ingest batch")
            .required("source_file", STRING, "export file, relative to the data directory")
            .required("line", LONG, "line where the record starts (the header is line 1)")
            .optional("column_name", STRING, "offending column, when one is to blame")
            .required("rule", STRING, "rule broken: required, date, number, allowed_values, column_count, ...")
            .required("message", STRING, "the rule and the bad value")
            .optional("raw_record", STRING, "the record's fields as read, comma-separated")
            .partitionedBy("table_name")
            .build();

    private IngestTables() {
    }
}
