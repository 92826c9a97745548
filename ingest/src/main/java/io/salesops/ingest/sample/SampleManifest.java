package io.salesops.ingest.sample;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * manifest.json: the settings and, per file, its table, encoding, row count and dirt counts. Built
 * as an explicit tree rather than by reflection so that the JSON names stay stable when the
 * records change, and so that it holds no run time: it must be byte-identical between runs.
 */
public final class SampleManifest {
    public static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** "\n" on every platform, not the system line separator: the manifest is part of the byte-identical output. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private SampleManifest() {
    }

    public static void write(GenerationReport report, Path outDir) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        GeneratorSettings settings = report.settings();
        ObjectNode settingsNode = root.putObject("settings");
        settingsNode.put("scale", settings.scale());
        settingsNode.put("seed", settings.seed());
        settingsNode.put("months", settings.months());
        settingsNode.put("start_month", settings.startMonth().toString());
        settingsNode.put("end_month", settings.endMonth().toString());
        ArrayNode files = root.putArray("files");
        for (FileReport file : report.files()) {
            ObjectNode node = files.addObject();
            node.put("path", file.path());
            node.put("table", file.table());
            node.put("encoding", file.encoding());
            node.put("rows", file.rows());
            ObjectNode dirt = node.putObject("dirt");
            file.dirt().forEach((kind, count) -> dirt.put(kind.key(), count));
        }
        Files.writeString(outDir.resolve(FILE_NAME), JSON.writer(PRETTY).writeValueAsString(root) + "\n");
    }

    public static GenerationReport read(Path outDir) throws IOException {
        Path path = outDir.resolve(FILE_NAME);
        JsonNode root = JSON.readTree(path.toFile());
        JsonNode s = root.required("settings");
        GeneratorSettings settings = new GeneratorSettings(s.required("scale").asDouble(), s.required("seed").asLong(),
                s.required("months").asInt(), YearMonth.parse(s.required("end_month").asText()));
        List<FileReport> files = new ArrayList<>();
        for (JsonNode f : root.required("files")) {
            Map<DirtKind, Long> dirt = new EnumMap<>(DirtKind.class);
            f.required("dirt").properties().forEach(e -> dirt.put(DirtKind.ofKey(e.getKey()), e.getValue().asLong()));
            files.add(new FileReport(f.required("path").asText(), f.required("table").asText(),
                    f.required("encoding").asText(), f.required("rows").asLong(), dirt));
        }
        return new GenerationReport(settings, files);
    }
}
