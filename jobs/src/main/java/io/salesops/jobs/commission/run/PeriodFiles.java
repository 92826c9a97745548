package io.salesops.jobs.commission.run;

import io.salesops.jobs.commission.ledger.PeriodFolders;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.files.AtomicFile;
import io.salesops.warehouse.files.OwnerOnly;
import io.salesops.warehouse.store.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files a run leaves for people: the payroll export ({@code exports/commissions/P/}) and the
 * statement PDFs ({@code reports/commissions/P/}). A run writes them under its own hidden staging
 * folders; both reach the period's folders only once the run is published and all its statements
 * are rendered, replacing the previous run's files. A run killed before that, or refused
 * at publish (the period was closed meanwhile), leaves the period's folders as they were.
 *
 * <p>Each period folder holds a {@value #MANIFEST} (the format of {@code sha256sum}, so
 * {@code sha256sum -c SHA256SUMS} checks it too) listing exactly the files of the run that put them
 * there; {@link #verify} finds a changed, missing or added file.
 */
public final class PeriodFiles {

    public static final String MANIFEST = "SHA256SUMS";

    private final Path payrollFolder;
    private final Path statementFolder;
    private final Path payrollStaging;
    private final Path statementStaging;

    public PeriodFiles(DataLayout layout, String period, String runId) {
        List<Path> folders = PeriodFolders.of(layout, period);
        List<Path> staging = PeriodFolders.staging(layout, period, runId);
        this.payrollFolder = folders.get(0);
        this.statementFolder = folders.get(1);
        this.payrollStaging = staging.get(0);
        this.statementStaging = staging.get(1);
    }

    /** The period's folders, payroll then statements. */
    public static List<Path> folders(DataLayout layout, String period) {
        return PeriodFolders.of(layout, period);
    }

    /** An empty folder for the run's payroll file (what an earlier attempt left is removed). */
    Path stagePayroll() {
        return fresh(payrollStaging);
    }

    /** An empty folder for the run's statements. */
    Path stageStatements() {
        return fresh(statementStaging);
    }

    /**
     * Puts the staged payroll file in the period's folder in place of any other, with its
     * manifest. Repeatable: a restart after the move finds the file in place and the staging gone.
     */
    void publishPayroll(String fileName) {
        replaceContents(payrollStaging, payrollFolder, List.of(fileName));
    }

    /** Puts the staged statements in the period's folder in place of the previous run's, with the manifest. */
    void publishStatements(List<String> fileNames) {
        replaceContents(statementStaging, statementFolder, fileNames);
    }

    /** Removes the run's staging folders: the run was refused and will not be published. */
    void discard() {
        try {
            FileTrees.deleteIfExists(payrollStaging);
            FileTrees.deleteIfExists(statementStaging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the staged files of " + payrollStaging.getFileName(), e);
        }
    }

    /**
     * What does not match the manifests of the period's folders: a missing manifest, a changed or
     * missing file, a file no manifest lists. Empty when intact.
     */
    public static List<String> verify(List<Path> folders) {
        List<String> problems = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue; // the run wrote nothing there (no statements yet)
            }
            Path manifest = folder.resolve(MANIFEST);
            if (!Files.isRegularFile(manifest)) {
                problems.add(manifest + ": missing");
                continue;
            }
            Map<String, String> listed = read(manifest);
            Map<String, String> present = new TreeMap<>();
            for (Path file : list(folder)) {
                if (!file.getFileName().toString().equals(MANIFEST)) {
                    present.put(file.getFileName().toString(), sha256(file));
                }
            }
            listed.forEach((name, hash) -> {
                if (!present.containsKey(name)) {
                    problems.add(folder.resolve(name) + ": listed in " + MANIFEST + " but missing");
                } else if (!present.get(name).equals(hash)) {
                    problems.add(folder.resolve(name) + ": changed since the run wrote it (SHA-256 differs)");
                }
            });
            present.keySet().stream().filter(name -> !listed.containsKey(name))
                    .forEach(name -> problems.add(folder.resolve(name) + ": not written by the period's run"));
        }
        return problems;
    }

    /**
     * {@link #verify(List)} over the period's folders, and the payroll file is the one of the run the
     * period's log names as current (for a closed period: the run it was closed with).
     */
    public static List<String> verify(DataLayout layout, String period, String currentRunId) {
        List<Path> folders = folders(layout, period);
        List<String> problems = new ArrayList<>(verify(folders));
        Path payroll = folders.get(0).resolve(PayrollExport.fileName(period, currentRunId));
        if (!Files.isRegularFile(payroll)) {
            problems.add(0, payroll + ": the payroll file of run " + currentRunId + ", the period's current run, is missing");
        }
        return problems;
    }

    private static void replaceContents(Path staging, Path folder, List<String> fileNames) {
        try {
            OwnerOnly.createDirectories(folder);
            for (String name : fileNames) {
                Path staged = staging.resolve(name);
                if (Files.exists(staged)) {
                    Files.move(staged, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } else if (!Files.exists(folder.resolve(name))) {
                    throw new IllegalStateException(staged + " is missing: the run's file was never written");
                }
            }
            for (Path other : list(folder)) {
                String name = other.getFileName().toString();
                if (!fileNames.contains(name) && !name.equals(MANIFEST)) {
                    Files.delete(other); // the previous run's
                }
            }
            StringBuilder manifest = new StringBuilder();
            for (String name : fileNames.stream().sorted().toList()) {
                manifest.append(sha256(folder.resolve(name))).append("  ").append(name).append('\n');
            }
            AtomicFile.write(folder.resolve(MANIFEST), out -> out.write(manifest.toString()
                    .getBytes(StandardCharsets.UTF_8)));
            FileTrees.deleteIfExists(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the run's files into " + folder, e);
        }
    }

    private static Path fresh(Path folder) {
        try {
            FileTrees.deleteIfExists(folder);
            return OwnerOnly.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static Map<String, String> read(Path manifest) {
        Map<String, String> entries = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    int gap = line.indexOf("  ");
                    entries.put(line.substring(gap + 2), line.substring(0, gap));
                }
            }
            return entries;
        } catch (IOException | StringIndexOutOfBoundsException e) {
            throw new IllegalStateException(manifest + ": cannot be read as name/SHA-256 lines: " + e.getMessage(), e);
        }
    }

    static String sha256(Path file) {
        return io.salesops.warehouse.files.Sha256.of(file);
    }
}
