package io.salesops.ingest.batch;

import java.util.List;

/**
 * What {@link ReferenceCheck} found in a batch: per staged table with references, the rows the
 * batch brings that were checked and how many of them reference a missing parent key.
 */
public record ReferenceReport(String batchId, List<TableCheck> tables) {

    public ReferenceReport {
        tables = List.copyOf(tables);
    }

    /**
     * @param rowsChecked rows of this batch checked
     * @param violations  rows among them with a reference to a missing parent key (rejected or
     *                    warned about, as the mode says)
     */
    public record TableCheck(String table, long rowsChecked, long violations, ReferenceCheck.Mode mode) {
    }

    public long violations() {
        return tables.stream().mapToLong(TableCheck::violations).sum();
    }
}
