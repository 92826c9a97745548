package io.salesops.jobs.commission.run;

import io.salesops.jobs.commission.assign.PlanAssignments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The example commission set-up the demo starts from (three plans for reps, managers and
 * directors, and role assignments), copied into a data directory that has none. Finance edits the
 * copies; an existing set-up is never touched.
 */
public final class ExampleSetup {

    private static final String BASE = "/io/salesops/jobs/commission/example/";
    private static final List<String> FILES = List.of("plans/sales-rep.yaml", "plans/sales-manager.yaml",
            "plans/sales-director.yaml", PlanAssignments.FILE_NAME);

    private ExampleSetup() {
    }

    /** @return true when the example was copied, false when {@code folder} already existed */
    public static boolean copyIfMissing(Path folder) {
        if (Files.exists(folder)) {
            return false;
        }
        Path temp = folder.resolveSibling(folder.getFileName() + ".tmp");
        try {
            for (String file : FILES) {
                Path target = temp.resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = ExampleSetup.class.getResourceAsStream(BASE + file)) {
                    if (in == null) {
                        throw new IllegalStateException("the example commission set-up lacks " + file);
                    }
                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(temp, folder, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the example commission set-up to " + folder, e);
        }
    }
}
