package io.salesops.jobs.commission.run;

import io.salesops.jobs.commission.assign.PlanAssignments;
import io.salesops.jobs.commission.assign.PlanCatalog;
import io.salesops.jobs.commission.assign.ReportingLines;
import io.salesops.jobs.commission.assign.SetupException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.salesops.warehouse.files.Sha256;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finance's commission set-up, read from one folder: {@code plans/*.yaml}, {@code assignments.csv}
 * and optionally {@code reporting-lines.csv}. Everything is validated before a run reads any data,
 * and the set-up's hash goes into the run record, so two runs with the same hash used the same
 * plans, assignments and hierarchy.
 */
public record CommissionSetup(Path folder, PlanCatalog catalog, PlanAssignments assignments,
        Optional<List<ReportingLines.Line>> reportingLines, String hash) {

    public static final String PLANS = "plans";

    public static CommissionSetup load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new SetupException(List.of(folder + ": the commission set-up folder does not exist; it holds"
                    + " plans/*.yaml and assignments.csv (salesops.commissions.setup-dir)"));
        }
        PlanCatalog catalog = PlanCatalog.load(folder.resolve(PLANS));
        Path assignmentsFile = folder.resolve(PlanAssignments.FILE_NAME);
        if (!Files.isRegularFile(assignmentsFile)) {
            throw new SetupException(List.of(assignmentsFile + ": no assignments file; it says which plan pays"
                    + " which rep or role (header assignee,plan_id,effective_from,effective_to)"));
        }
        PlanAssignments assignments = PlanAssignments.load(assignmentsFile, catalog);
        Path linesFile = folder.resolve(ReportingLines.FILE_NAME);
        Optional<List<ReportingLines.Line>> lines = Files.isRegularFile(linesFile)
                ? Optional.of(ReportingLines.load(linesFile)) : Optional.empty();
        return new CommissionSetup(folder, catalog, assignments, lines, hash(folder));
    }

    /** SHA-256 over every set-up file's relative path and bytes, in path order. */
    static String hash(Path folder) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> plans = Files.list(folder.resolve(PLANS))) {
            plans.filter(Files::isRegularFile).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder.resolve(PLANS), e);
        }
        Stream.of(PlanAssignments.FILE_NAME, ReportingLines.FILE_NAME).map(folder::resolve)
                .filter(Files::isRegularFile).forEach(files::add);
        MessageDigest digest = Sha256.digest();
        try {
            for (Path file : files.stream().sorted().toList()) {
                digest.update(folder.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
            return Sha256.hex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the commission set-up in " + folder, e);
        }
    }
}
