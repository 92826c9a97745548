package io.salesops.ingest.batch;

import io.salesops.ingest.csv.PartWriter;
import io.salesops.warehouse.merge.ParquetMerge;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.FileTrees;
import io.salesops.warehouse.store.TableVersion;
import io.salesops.warehouse.store.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns a table's staged incremental parts into the whole next version: the current version's rows
 * upserted with the changes and tombstones (see {@link ParquetMerge#upsert}). The staging directory
 * then holds one merged file and no part sources, so publishing replaces the table.
 *
 * <p>The merge is based on the version current when it ran. A marker in the staging directory
 * names that version, and {@link #checkBase} refuses to publish over a newer one, which would
 * silently drop the changes it brought.
 */
final class IncrementalMerge {

    private static final String BASE_MARKER = "_merge_base";

    private IncrementalMerge() {
    }

    /**
     * @param labels each staged part's file name → the export it was loaded from, so what each
     *               file did is reported under the export's name
     */
    static BatchIngestResult.Merge apply(Warehouse warehouse, TableDefinition table, Path staging, String batchId,
                                         java.util.Map<String, String> labels) {
        Optional<TableVersion> current = warehouse.current(table);
        List<Path> changes = parquetIn(staging);
        List<Path> deletes = parquetIn(staging.resolve(PartWriter.TOMBSTONES));
        Path spill = staging.resolve("_spill");
        ParquetMerge.UpsertResult result = new ParquetMerge(spill, "1GB").upsert(table,
                current.map(TableVersion::parquetFiles).orElse(List.of()), changes, deletes,
                staging.resolve("merged-" + batchId + ".parquet"));
        try {
            for (Path change : changes) {
                Files.delete(change);
            }
            FileTrees.deleteIfExists(staging.resolve(PartWriter.TOMBSTONES));
            FileTrees.deleteIfExists(spill);
            warehouse.forgetPartSources(table, batchId);
            int base = current.map(TableVersion::version).orElse(0);
            Files.writeString(staging.resolve(BASE_MARKER), Integer.toString(base), StandardCharsets.UTF_8);
            return new BatchIngestResult.Merge(table.name(), base, relabel(result, labels));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy the staging of " + table.name() + " after the merge", e);
        }
    }

    private static ParquetMerge.UpsertResult relabel(ParquetMerge.UpsertResult result,
                                                     java.util.Map<String, String> labels) {
        java.util.function.UnaryOperator<String> label = part -> labels.getOrDefault(part, part);
        List<ParquetMerge.FileChanges> files = result.files().stream().map(f -> new ParquetMerge.FileChanges(
                label.apply(f.file()), f.inserted(), f.replaced(), f.unchanged(), f.deleted(), f.olderThanStored(),
                f.superseded(), f.tiedWithLaterFile(), f.supersededBy() == null ? null
                        : java.util.Arrays.stream(f.supersededBy().split(", ")).map(label)
                        .collect(java.util.stream.Collectors.joining(", ")))).toList();
        return new ParquetMerge.UpsertResult(result.inserted(), result.updated(), result.deleted(), result.rows(),
                files);
    }

    /** Fails when the table's current version is not the one this batch's merge started from. */
    static void checkBase(Warehouse warehouse, TableDefinition table, String batchId) {
        Path marker = warehouse.stagingDirectory(table, batchId).resolve(BASE_MARKER);
        if (!Files.exists(marker)) {
            return;
        }
        try {
            int base = Integer.parseInt(Files.readString(marker, StandardCharsets.UTF_8).trim());
            int now = warehouse.current(table).map(TableVersion::version).orElse(0);
            if (now != base) {
                throw new IllegalStateException(table.name() + " is at version " + now + " but batch " + batchId
                        + " merged its changes into version " + base + "; ingest the incremental files again");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + marker, e);
        }
    }

    private static List<Path> parquetIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
