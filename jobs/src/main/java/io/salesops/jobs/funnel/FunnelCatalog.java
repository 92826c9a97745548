package io.salesops.jobs.funnel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The funnels a run computes: the company's own {@code *.yaml} files in its funnels folder
 * ({@code DATA_DIR/funnels}) when there are any, else the shipped ones ({@value #SHIPPED_LEAD},
 * {@value #SHIPPED_OPPORTUNITY}). Every file is validated before anything is computed; the
 * problems of all files are reported together.
 */
public final class FunnelCatalog {

    static final String SHIPPED_LEAD = "lead-to-won.yaml";
    static final String SHIPPED_OPPORTUNITY = "opportunity-to-won.yaml";
    private static final String RESOURCES = "/io/salesops/jobs/funnel/";

    private final Path folder;

    public FunnelCatalog(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** @throws FunnelFileException naming every problem of every file (file, line, key) */
    public List<FunnelDefinition> load() {
        List<FunnelDefinition> funnels = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (Source source : sources()) {
            try {
                FunnelDefinition funnel = FunnelFile.parse(source.name(), source.text());
                String earlier = ids.putIfAbsent(funnel.id(), source.name());
                if (earlier != null) {
                    problems.add(source.name() + ", key id: " + funnel.id() + " is also the id of " + earlier
                            + "; every funnel needs its own");
                } else {
                    funnels.add(funnel);
                }
            } catch (FunnelFileException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new FunnelFileException(problems);
        }
        return funnels;
    }

    private record Source(String name, String text) {
    }

    private List<Source> sources() {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> yaml = files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
                if (!yaml.isEmpty()) {
                    List<Source> sources = new ArrayList<>();
                    for (Path file : yaml) {
                        sources.add(new Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
                    }
                    return sources;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the funnel definitions in " + folder, e);
            }
        }
        return List.of(shipped(SHIPPED_LEAD), shipped(SHIPPED_OPPORTUNITY));
    }

    private static Source shipped(String name) {
        try (InputStream in = FunnelCatalog.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the shipped funnel " + name + " is missing from the build");
            }
            return new Source("(shipped) " + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped funnel " + name, e);
        }
    }
}
