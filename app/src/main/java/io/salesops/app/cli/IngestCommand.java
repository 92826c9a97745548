package io.salesops.app.cli;

import java.io.File;
import io.salesops.jobs.ingest.PlanIngestTasklet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import io.salesops.ingest.mapping.MappingFile;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Loads export files or folders into the warehouse as a restartable ingest job. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest CSV exports (files or folders) into the warehouse and refresh analyst.duckdb.")
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Export files or folders of exports.")
    List<Path> paths;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "YAML mapping of an export no built-in profile knows (see ingest/README.md).")
    Path mapping;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Built-in profile to use instead of detecting it from each file's header.")
    String profile;

    @Override
    public Integer call() throws Exception {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new CliException("no such file or folder: " + path);
            }
            if (Files.isDirectory(path)) {
                try {
                    PlanIngestTasklet.requireExports(path);
                } catch (IllegalArgumentException e) {
                    throw new CliException(e.getMessage());
                }
            }
        }
        String exports = paths.stream().map(p -> p.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
        JobParametersBuilder parameters = new JobParametersBuilder().addString("exports", exports)
                .addLong("run", System.currentTimeMillis());
        if (mapping != null && profile != null) {
            throw new CliException("give either --mapping or --profile, not both");
        }
        if (mapping != null) {
            try {
                MappingFile.load(mapping); // every problem of the mapping before any row is read
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                throw new CliException(e.getMessage());
            }
            parameters.addString("mapping", mapping.toAbsolutePath().normalize().toString());
        }
        if (profile != null) {
            parameters.addString("profile", profile);
        }
        try (var context = ContextFactory.start(data, true)) {
            return JobRunner.launch(context, "ingest", parameters.toJobParameters(), spec.commandLine().getOut());
        }
    }
}
