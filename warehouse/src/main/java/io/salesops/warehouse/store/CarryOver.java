package io.salesops.warehouse.store;

import io.salesops.warehouse.model.TableDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What publishing a staging directory takes over from the current version. {@link Warehouse#publish}
 * links it in; {@link Warehouse#prospectiveFiles} lists it, so both follow the one decision.
 *
 * @param links       file or partition directory of the current version → its place in the staging
 * @param partSources part file → source of every carried part, added to the staging's record
 */
record CarryOver(Map<Path, Path> links, Map<String, String> partSources) {

    private static final CarryOver NOTHING = new CarryOver(Map.of(), Map.of());

    /**
     * A partitioned table keeps every partition the batch did not stage; a staging that records
     * part sources keeps the parts of every source the batch did not load again; any other staging
     * is the whole next version.
     */
    static CarryOver decide(TableDefinition table, Optional<TableVersion> current, Path staging) throws IOException {
        if (current.isEmpty()) {
            return NOTHING;
        }
        Path currentDir = current.get().directory();
        if (table.partitionColumn() != null) {
            return new CarryOver(otherPartitions(currentDir, staging), Map.of());
        }
        return isWholeVersion(table, staging) ? NOTHING : otherSourcesParts(currentDir, staging);
    }

    /** A staging of an unpartitioned table that records no part sources replaces the current version. */
    static boolean isWholeVersion(TableDefinition table, Path staging) {
        return table.partitionColumn() == null && !Files.exists(staging.resolve(PartSources.FILE));
    }

    /** Hard-links (or copies) the carried files into the staging and records their sources there. */
    void linkInto(Path staging) throws IOException {
        for (Map.Entry<Path, Path> link : links.entrySet()) {
            FileTrees.linkTree(link.getKey(), link.getValue());
        }
        if (!partSources.isEmpty()) {
            Map<String, String> parts = PartSources.read(staging);
            parts.putAll(partSources);
            PartSources.write(staging, parts);
        }
    }

    private static Map<Path, Path> otherPartitions(Path currentDir, Path staging) throws IOException {
        Map<Path, Path> links = new TreeMap<>();
        try (Stream<Path> partitions = Files.list(currentDir)) {
            for (Path partition : partitions.filter(Files::isDirectory).toList()) {
                Path target = staging.resolve(partition.getFileName().toString());
                if (!Files.exists(target)) { // otherwise replaced by this batch
                    links.put(partition, target);
                }
            }
        }
        return links;
    }

    private static CarryOver otherSourcesParts(Path currentDir, Path staging) throws IOException {
        Map<String, String> staged = PartSources.read(staging);
        Set<String> replacedSources = new HashSet<>(staged.values());
        Map<Path, Path> links = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        for (var part : PartSources.read(currentDir).entrySet()) {
            Path source = currentDir.resolve(part.getKey());
            if (!replacedSources.contains(part.getValue()) && !staged.containsKey(part.getKey())
                    && Files.exists(source)) {
                links.put(source, staging.resolve(part.getKey()));
                sources.put(part.getKey(), part.getValue());
            }
        }
        return new CarryOver(links, sources);
    }
}
