package io.salesops.jobs.commission.plan;

import io.salesops.jobs.runtime.CheckedYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a commission plan YAML file and validates all of it before any calculation; a file with
 * problems throws {@link PlanException} listing every one. The format is in ../README.md.
 */
public final class PlanFile {

    private static final Set<String> TOP_LEVEL = Set.of("id", "version", "effective_from", "effective_to", "basis",
            "currency", "rounding", "components", "ramp");
    private static final Map<String, Basis> BASES = CheckedYaml.choices(Basis.values());
    private static final Map<String, RoundingMode> ROUNDING_MODES = roundingModes();

    private PlanFile() {
    }

    public static CommissionPlan load(Path path) {
        try {
            return parse(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read commission plan " + path, e);
        }
    }

    public static CommissionPlan parse(String fileName, String yamlText) {
        MappingNode document = CheckedYaml.document(fileName, yamlText, "a plan file is a YAML map with id, version,"
                + " effective_from, basis, currency, rounding and components", PlanException::new);
        CheckedYaml yaml = new CheckedYaml(fileName);
        CommissionPlan plan = read(yaml, document);
        if (yaml.problemCount() > 0) {
            throw new PlanException(yaml.problems());
        }
        return plan;
    }

    /** The plan, or null when any problem was reported. */
    private static CommissionPlan read(CheckedYaml yaml, MappingNode document) {
        Map<String, Node> top = yaml.entries(document, "", TOP_LEVEL);
        Node idNode = yaml.required(top, document, "", "id", "the plan's name, e.g. sales-rep-standard");
        String id = idNode == null ? null : yaml.text(idNode, "id");
        Node versionNode = yaml.required(top, document, "", "version", "a whole number counting the plan's edits");
        Integer version = versionNode == null ? null : yaml.wholeNumber(versionNode, "version", 1, Integer.MAX_VALUE);
        Node fromNode = yaml.required(top, document, "", "effective_from", "the first day the plan applies");
        LocalDate from = fromNode == null ? null : yaml.date(fromNode, "effective_from");
        LocalDate to = top.containsKey("effective_to") ? yaml.date(top.get("effective_to"), "effective_to") : null;
        if (from != null && to != null && !to.isAfter(from)) {
            yaml.problem(top.get("effective_to"), "effective_to", "must be after effective_from " + from
                    + " (the plan applies up to, not including, effective_to), cannot be: " + to);
        }
        Node basisNode = yaml.required(top, document, "", "basis", "booking, invoice or cash");
        Basis basis = basisNode == null ? null : yaml.choice(basisNode, "basis", BASES);
        Node currencyNode = yaml.required(top, document, "", "currency", "the ISO 4217 code payouts are in, e.g. CNY");
        String currency = currencyNode == null ? null : currency(yaml, currencyNode);
        Node roundingNode = yaml.required(top, document, "", "rounding", "{scale: 2, mode: half_up}");
        Rounding rounding = roundingNode == null ? null : rounding(yaml, roundingNode);
        Node componentsNode = yaml.required(top, document, "", "components", "the list of what the plan pays");
        List<Component> components = componentsNode == null ? null
                : new ComponentReader(yaml, rounding == null ? null : rounding.scale()).readAll(componentsNode);
        Optional<Ramp> ramp = new RampReader(yaml).read(top.get("ramp"), "ramp");
        if (yaml.problemCount() > 0) {
            return null;
        }
        return new CommissionPlan(id, version, from, to, basis, currency, rounding, components, ramp);
    }

    private static String currency(CheckedYaml yaml, Node node) {
        String code = yaml.text(node, "currency");
        if (code != null && !code.matches("[A-Z]{3}")) {
            yaml.problem(node, "currency", "must be a three-letter ISO 4217 code like CNY, cannot be: " + code);
            return null;
        }
        return code;
    }

    private static Rounding rounding(CheckedYaml yaml, Node node) {
        if (!(node instanceof MappingNode map)) {
            yaml.problem(node, "rounding", "must be a map like {scale: 2, mode: half_up}");
            return null;
        }
        Map<String, Node> entries = yaml.entries(map, "rounding.", Set.of("scale", "mode"));
        Node scaleNode = yaml.required(entries, node, "rounding.", "scale", "decimals kept, 2 for cents");
        Integer scale = scaleNode == null ? null : yaml.wholeNumber(scaleNode, "rounding.scale", 0, Rounding.MAX_SCALE);
        Node modeNode = yaml.required(entries, node, "rounding.", "mode", "how to round, e.g. half_up");
        RoundingMode mode = modeNode == null ? null : yaml.choice(modeNode, "rounding.mode", ROUNDING_MODES);
        return scale == null || mode == null ? null : new Rounding(scale, mode);
    }

    private static Map<String, RoundingMode> roundingModes() {
        Map<String, RoundingMode> modes = CheckedYaml.choices(RoundingMode.values());
        modes.remove("unnecessary"); // it throws instead of rounding
        return modes;
    }
}
