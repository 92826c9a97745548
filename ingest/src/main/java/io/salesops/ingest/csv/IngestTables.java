package io.salesops.ingest.csv;

import static io.salesops.warehouse.model.ColumnType.LONG;
import static io.salesops.warehouse.model.ColumnType.STRING;
import static io.salesops.warehouse.model.ColumnType.TIMESTAMP;

import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.model.Zone;

/** Tables ingest keeps about its own work. */
public final class IngestTables {

    /** Quarantine: one row per rejected record; loading an export again replaces that export's rejects. */
    public static final TableDefinition REJECTS = recordFindings("ingest_rejects",
            "Rejected export records with the rule they broke.");

    /**
     * Records loaded although they break a rule that is set to warn (a reference to a missing
     * parent, see {@code ReferenceCheck}); the same columns as {@link #REJECTS}, and loading an
     * export again replaces that export's warnings.
     */
    public static final TableDefinition WARNINGS = recordFindings("ingest_warnings",
            "Loaded export records that break a rule set to warn.");

    /** The file registry: every export file loaded, by content hash, so loading it again is a no-op. */
    public static final TableDefinition FILES = TableDefinition.builder("ingest_files", Zone.SYSTEM,
                    "Every export file loaded, by content hash.")
            .key("file_sha256", "table_name")
            .required("file_sha256", STRING, "SHA-256 of the file's bytes")
            .required("table_name", STRING, "canonical table it was loaded into")
            .required("source_file", STRING, "path when it was loaded")
            .required("landed_as", STRING, "its read-only copy, relative to the warehouse: landing/<sha256>/<name>")
            .required("batch_id", STRING, "ingest batch that loaded it")
            .required("profile", STRING, "profile or mapping used")
            .required("rows_read", LONG, "records in the file")
            .required("accepted", LONG, "records loaded")
            .required("rejected", LONG, "records quarantined")
            .required("ingested_at", TIMESTAMP, "when it was staged")
            .build();

    /** One row per record and rule finding, as {@link RejectWriter} writes them. */
    private static TableDefinition recordFindings(String name, String description) {
        return TableDefinition.builder(name, Zone.SYSTEM, description)
                .key("table_name", "source_file", "line")
                .required("table_name", STRING, "canonical table the record was meant for")
                .required("batch_id", STRING, "ingest batch")
                .required("source_file", STRING, "export file, relative to the data directory")
                .required("line", LONG, "line where the record starts (the header is line 1)")
                .optional("column_name", STRING, "offending column, when one is to blame")
                .required("rule", STRING, "rule broken: required, date, number, allowed_values, column_count,"
                        + " reference, ...")
                .required("message", STRING, "the rule and the bad value")
                .optional("raw_record", STRING, "the record's fields as read (as loaded, for a reference),"
                        + " comma-separated")
                .build();
    }

    private IngestTables() {
    }
}
