package io.salesops.jobs.commission.assign;

import io.salesops.jobs.commission.plan.CommissionPlan;
import io.salesops.jobs.commission.plan.PlanException;
import io.salesops.jobs.commission.plan.PlanFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every version of every plan in a folder of YAML files ({@code *.yaml}, one plan version per
 * file). All files are read and validated before any is used: problems of every file are reported
 * together. Two versions of one plan may not claim the same version number or overlapping
 * effective dates, so exactly one version (or none) applies on any day.
 */
public final class PlanCatalog {

    /** A plan file as read: its name and text, which parse to the same plan anywhere (Spark executors too). */
    public record PlanSource(String fileName, String text) implements java.io.Serializable {
        public CommissionPlan parse() {
            return PlanFile.parse(fileName, text);
        }
    }

    private final List<CommissionPlan> plans;
    private final java.util.Map<String, PlanSource> sources;

    public PlanCatalog(List<CommissionPlan> plans) {
        this(plans, java.util.Map.of());
    }

    private PlanCatalog(List<CommissionPlan> plans, java.util.Map<String, PlanSource> sources) {
        this.sources = java.util.Map.copyOf(sources);
        List<String> problems = new ArrayList<>();
        List<CommissionPlan> sorted = plans.stream()
                .sorted(Comparator.comparing(CommissionPlan::id).thenComparing(CommissionPlan::effectiveFrom)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            CommissionPlan before = sorted.get(i - 1);
            CommissionPlan plan = sorted.get(i);
            if (!before.id().equals(plan.id())) {
                continue;
            }
            if (before.version() == plan.version()) {
                problems.add("plan " + plan.id() + ": version " + plan.version() + " is defined twice");
            } else if (before.effectiveTo() == null || before.effectiveTo().isAfter(plan.effectiveFrom())) {
                problems.add("plan " + plan.id() + ": version " + before.version() + " (from " + before.effectiveFrom()
                        + (before.effectiveTo() == null ? ", open" : " to " + before.effectiveTo())
                        + ") overlaps version " + plan.version() + " from " + plan.effectiveFrom()
                        + "; end the earlier version with effective_to");
            }
        }
        if (!problems.isEmpty()) {
            throw new SetupException(problems);
        }
        this.plans = sorted;
    }

    public static PlanCatalog load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new SetupException(List.of(folder + ": the plan folder does not exist; put one YAML file per"
                    + " plan version there (see the commission README)"));
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")
                    || p.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        if (files.isEmpty()) {
            throw new SetupException(List.of(folder + ": no plan files (*.yaml) in the plan folder"));
        }
        List<String> problems = new ArrayList<>();
        List<CommissionPlan> plans = new ArrayList<>();
        java.util.Map<String, PlanSource> sources = new java.util.HashMap<>();
        for (Path file : files) {
            try {
                PlanSource source = new PlanSource(file.getFileName().toString(),
                        Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
                CommissionPlan plan = source.parse();
                plans.add(plan);
                sources.put(key(plan), source);
            } catch (PlanException e) {
                problems.addAll(e.problems());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read commission plan " + file, e);
            }
        }
        if (!problems.isEmpty()) {
            throw new SetupException(problems);
        }
        return new PlanCatalog(plans, sources);
    }

    public boolean has(String planId) {
        return plans.stream().anyMatch(plan -> plan.id().equals(planId));
    }

    public SortedSet<String> ids() {
        return new TreeSet<>(plans.stream().map(CommissionPlan::id).toList());
    }

    /** The version of {@code planId} effective on {@code date}, if any. */
    public Optional<CommissionPlan> versionOn(String planId, LocalDate date) {
        return plans.stream().filter(plan -> plan.id().equals(planId) && plan.isEffectiveOn(date)).findFirst();
    }

    /** "id vN": how runs and statements name a plan version. */
    public static String key(CommissionPlan plan) {
        return plan.id() + " v" + plan.version();
    }

    /** The file a plan version was read from; only for a catalog loaded from a folder. */
    public PlanSource source(CommissionPlan plan) {
        PlanSource source = sources.get(key(plan));
        if (source == null) {
            throw new IllegalStateException("plan " + key(plan) + " was not read from a file");
        }
        return source;
    }

    public List<CommissionPlan> plans() {
        return plans;
    }
}
