package io.salesops.ingest.batch;

import io.salesops.ingest.csv.IngestTables;
import io.salesops.warehouse.model.Reference;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.FileTrees;
import io.salesops.warehouse.store.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Referential checks of a staged batch, before it is published. A row the batch brings violates a
 * reference ({@link TableDefinition#references()}) when its value is not blank and is no natural
 * key of the parent table as the parent would be published with this batch ({@link
 * Warehouse#prospectiveFiles}): the parent's staged rows plus what publishing carries over, or its
 * current version when the batch does not load it.
 *
 * <p>{@link Mode#REJECT} quarantines a violating row in {@code ingest_rejects} (rule {@code
 * reference}) and rewrites its staged part without it; {@link Mode#WARN} loads it and records it in
 * {@code ingest_warnings}; {@link Mode#OFF} checks nothing. Each export file's findings are a part
 * recorded as coming from that file, so loading the file again replaces them.
 *
 * <p>Algorithm: tables are checked parents first, so a row rejected here takes the rows that refer
 * to it along; a table in a cycle (reps.manager_id, teams and reps) is checked again while
 * rejections remove rows of its parents. Per table, one DuckDB statement left-joins the batch's
 * rows (the staged files directly in the staging directory, {@code _ingest_batch} = the batch)
 * with each parent's distinct keys and keeps the rows missing one ({@link ReferenceQueries}). All
 * set work runs in one in-memory DuckDB under {@link #MEMORY_LIMIT}, spilling to disk, so the heap
 * stays flat whatever the sizes; rewritten files are written under a temporary name and moved into
 * place.
 *
 * <p>Run it after the incremental merges: an incremental table's staging then holds its whole next
 * version, which is what its children must be checked against, and a rejected change of such a
 * table leaves the row as the current version has it, as a quarantined change record would.
 */
public final class ReferenceCheck {

    /** What becomes of a row that references a missing parent key. */
    public enum Mode {
        /** Nothing is checked. */
        OFF,
        /** The row is loaded and recorded in {@code ingest_warnings}. */
        WARN,
        /** The row is not loaded; it is quarantined in {@code ingest_rejects}. */
        REJECT
    }

    /** The rule named in the quarantine and the warnings. */
    public static final String RULE = "reference";

    /** DuckDB's memory for the check; beyond it, joins and temporary tables spill to disk. */
    private static final String MEMORY_LIMIT = "1GB";

    private ReferenceCheck() {
    }

    /**
     * Checks the references of the rows the batch staged, and rejects or records the violations.
     *
     * @param stagedTables      the tables the batch staged; those with references are checked
     * @param rejectsStagingDir the batch's staging directory of {@code ingest_rejects}
     */
    public static ReferenceReport apply(Warehouse warehouse, String batchId, Collection<TableDefinition> stagedTables,
                                        Mode mode, Path rejectsStagingDir) {
        List<TableDefinition> children = parentsFirst(stagedTables.stream()
                .filter(table -> !table.references().isEmpty())
                .filter(table -> Files.isDirectory(warehouse.stagingDirectory(table, batchId)))
                .toList());
        if (mode == Mode.OFF || children.isEmpty()) {
            return new ReferenceReport(batchId, List.of());
        }
        Path rejectsDir = rejectsStaging(warehouse, batchId, rejectsStagingDir);
        Path spill = rejectsDir.resolve("_spill-references");
        try (ReferenceQueries queries = ReferenceQueries.open(warehouse, batchId, spill, MEMORY_LIMIT)) {
            Map<TableDefinition, Tally> tallies = check(queries, children, mode);
            Map<TableDefinition, List<String>> sources = new LinkedHashMap<>();
            tallies.forEach((table, tally) -> sources.put(table, tally.sources));
            if (mode == Mode.REJECT) {
                queries.writeFindings(IngestTables.REJECTS, rejectsDir, sources);
            } else if (sources.values().stream().anyMatch(files -> !files.isEmpty())) {
                queries.writeFindings(IngestTables.WARNINGS, warehouse.stage(IngestTables.WARNINGS, batchId), sources);
            }
            FileTrees.deleteIfExists(spill);
            return new ReferenceReport(batchId, tallies.entrySet().stream()
                    .map(entry -> new ReferenceReport.TableCheck(entry.getKey().name(), entry.getValue().rows,
                            entry.getValue().violations, mode))
                    .toList());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the references of batch " + batchId + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the references of batch " + batchId, e);
        }
    }

    /**
     * Checks every table once, parents first, then again each table one of whose parents lost rows
     * after it was checked (only rejections remove rows), until nothing changes.
     */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReferenceCheck.class);

    private static Map<TableDefinition, Tally> check(ReferenceQueries queries, List<TableDefinition> parentsFirst,
                                                     Mode mode) throws SQLException, IOException {
        Map<TableDefinition, Tally> tallies = new LinkedHashMap<>();
        for (TableDefinition table : parentsFirst) {
            Map<String, Long> rows = queries.batchRowsBySource(table);
            tallies.put(table, new Tally(new ArrayList<>(rows.keySet()),
                    rows.values().stream().mapToLong(Long::longValue).sum()));
        }
        Set<TableDefinition> due = new LinkedHashSet<>(parentsFirst);
        while (!due.isEmpty()) {
            for (TableDefinition table : parentsFirst) {
                if (!due.remove(table)) {
                    continue;
                }
                List<Reference> checkable = queries.checkable(table);
                table.references().stream().filter(r -> !checkable.contains(r)).forEach(r ->
                        LOG.warn("{}.{} not checked: {} has no rows yet", table.name(), r.column(), r.parentTable()));
                long started = System.nanoTime();
                long found = queries.findViolating(table);
                LOG.info("references of {}: {} rows checked, {} violations, {} ms", table.name(),
                        tallies.get(table).rows, found, (System.nanoTime() - started) / 1_000_000);
                tallies.get(table).violations += found;
                if (found > 0 && mode == Mode.REJECT) {
                    queries.removeViolating(table);
                    parentsFirst.stream().filter(child -> refersTo(child, table)).forEach(due::add);
                }
            }
        }
        return tallies;
    }

    /**
     * Tables ordered so that a parent comes before the tables referring to it; in a cycle the first
     * by name goes first (and is checked again if a parent after it loses rows).
     */
    static List<TableDefinition> parentsFirst(List<TableDefinition> tables) {
        List<TableDefinition> waiting = new ArrayList<>(tables);
        waiting.sort(Comparator.comparing(TableDefinition::name));
        List<TableDefinition> ordered = new ArrayList<>();
        while (!waiting.isEmpty()) {
            TableDefinition next = waiting.stream()
                    .filter(table -> waiting.stream().noneMatch(parent -> parent != table && refersTo(table, parent)))
                    .findFirst().orElse(waiting.get(0));
            waiting.remove(next);
            ordered.add(next);
        }
        return ordered;
    }

    private static boolean refersTo(TableDefinition child, TableDefinition parent) {
        return child.references().stream().anyMatch(reference -> reference.parentTable().equals(parent.name()));
    }

    /** The findings must land where the quarantine's part sources are recorded. */
    private static Path rejectsStaging(Warehouse warehouse, String batchId, Path given) {
        Path expected = warehouse.stagingDirectory(IngestTables.REJECTS, batchId).toAbsolutePath().normalize();
        if (!given.toAbsolutePath().normalize().equals(expected)) {
            throw new IllegalArgumentException("the rejects staging directory of batch " + batchId + " must be "
                    + expected + ", cannot be: " + given);
        }
        try {
            return Files.createDirectories(expected);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + expected, e);
        }
    }

    /** Per checked table: the batch's export files and rows, and the violations found so far. */
    private static final class Tally {
        final List<String> sources;
        final long rows;
        long violations;

        Tally(List<String> sources, long rows) {
            this.sources = sources;
            this.rows = rows;
        }
    }
}
