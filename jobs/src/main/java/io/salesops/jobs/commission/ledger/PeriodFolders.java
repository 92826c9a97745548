package io.salesops.jobs.commission.ledger;

import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.store.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a commission period's files live: the payroll in {@code exports/commissions/P/}, the
 * statements in {@code reports/commissions/P/}, and what a run stages beside them, in hidden
 * folders named after the period and the run. The one place that names them; the run writes
 * them ({@code run.PeriodFiles}), closing a period removes what can no longer be published.
 */
public final class PeriodFolders {

    private PeriodFolders() {
    }

    /** The period's folders, payroll then statements. */
    public static List<Path> of(DataLayout layout, String period) {
        return parents(layout).stream().map(parent -> parent.resolve(period)).toList();
    }

    /** The run's staging folders beside them, payroll then statements. */
    public static List<Path> staging(DataLayout layout, String period, String runId) {
        return parents(layout).stream().map(parent -> parent.resolve(stagingPrefix(period) + runId)).toList();
    }

    /**
     * Removes what every run of the period staged and never published: once the period is closed,
     * none of them can be (a killed run's restart is refused).
     */
    public static void discardStaged(DataLayout layout, String period) {
        for (Path parent : parents(layout)) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (Stream<Path> folders = Files.list(parent)) {
                for (Path staged : folders.filter(f -> f.getFileName().toString().startsWith(stagingPrefix(period)))
                        .toList()) {
                    FileTrees.deleteIfExists(staged);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the staged files of period " + period + " in " + parent, e);
            }
        }
    }

    private static String stagingPrefix(String period) {
        return ".staging-" + period + "-run-";
    }

    private static List<Path> parents(DataLayout layout) {
        return List.of(layout.exports().resolve("commissions"), layout.reports().resolve("commissions"));
    }
}
