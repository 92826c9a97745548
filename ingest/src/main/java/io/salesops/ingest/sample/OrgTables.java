package io.salesops.ingest.sample;

import io.salesops.ingest.sample.OrgChart.Rep;
import io.salesops.ingest.sample.OrgChart.Team;
import io.salesops.ingest.sample.OrgChart.Territory;
import io.salesops.warehouse.model.Vocabulary;
import java.io.IOException;

/** org/territories.csv, org/teams.csv and org/reps.csv, straight from the {@link OrgChart}. */
final class OrgTables {
    private OrgTables() {
    }

    static void write(World world, SampleOutputs out) throws IOException {
        OrgChart org = world.org();
        try (CsvTableWriter territories = out.open(OutputFile.TERRITORIES_CSV)) {
            for (Territory t : org.territories()) {
                territories.row(t.id(), t.name(), Geography.region(t.region()),
                        t.overlay() ? Vocabulary.INDUSTRIES.get(t.industry()) : null,
                        t.overlay() ? "industry" : "geographic");
            }
        }
        try (CsvTableWriter teams = out.open(OutputFile.TEAMS_CSV)) {
            for (Team t : org.teams()) {
                teams.row(t.id(), t.name(), t.manager() >= 0 ? world.repId(t.manager()) : null,
                        t.region() >= 0 ? Geography.region(t.region()) : null);
            }
        }
        try (CsvTableWriter reps = out.open(OutputFile.REPS_CSV)) {
            for (Rep r : org.reps()) {
                reps.row(r.id(), r.name().chinese(), r.name().english(), r.email(), r.role(),
                        r.manager() >= 0 ? world.repId(r.manager()) : null, org.teams().get(r.team()).id(),
                        org.territories().get(r.territory()).id(), DataWindow.date(r.hireDay()),
                        r.terminationDay() == OrgChart.NEVER ? null : DataWindow.date(r.terminationDay()));
            }
        }
        QuotaPlan.write(world, out);
    }
}
