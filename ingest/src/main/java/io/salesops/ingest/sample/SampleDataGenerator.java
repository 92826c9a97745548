package io.salesops.ingest.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes a complete, deterministic set of source exports of a fictional Chinese chemicals
 * supplier (CRM, ERP, marketing, sales organisation) plus manifest.json; see README.md in this
 * package for the layout, formats, volumes and the dirt it contains.
 *
 * <p>Algorithm: build the shared world once (org chart, accounts, contacts, opportunities,
 * customers, campaigns, products, fx rates) as small arrays, then stream each group of tables to
 * its files; activities, leads and ERP transactions are drawn month by month and never held in
 * full. The knob is {@link GeneratorSettings#scale()}: every volume is proportional to it, and
 * the transaction volumes also to the number of months.
 */
public final class SampleDataGenerator {

    public GenerationReport generate(GeneratorSettings settings, Path outDir) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Files.createDirectories(outDir);
        World world = World.build(settings);
        SampleOutputs out = new SampleOutputs(outDir, world.streams());
        OrgTables.write(world, out);
        ReferenceTables.write(world, out);
        AccountTables.write(world, out);
        OpportunityTables.write(world, out);
        QuoteContractTables.write(world, out);
        LeadTables.write(world, out);
        ActivityTable.write(world, out);
        ErpTables.write(world, out);
        GenerationReport report = new GenerationReport(settings, out.reports());
        SampleManifest.write(report, outDir);
        return report;
    }
}
