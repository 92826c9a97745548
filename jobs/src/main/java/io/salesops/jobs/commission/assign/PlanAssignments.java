package io.salesops.jobs.commission.assign;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/**
 * Who is paid by which plan, when: {@code assignments.csv} with the header
 * {@code assignee,plan_id,effective_from,effective_to}. An assignee is a rep id or {@code role:NAME}
 * (every rep of that role in {@code reps}); a rep's own row beats its role's. effective_to is
 * optional and not included. Two rows of one assignee may not overlap, and every plan id must be in
 * the plan catalog: the file is checked whole before any calculation.
 */
public final class PlanAssignments {

    public static final String FILE_NAME = "assignments.csv";
    static final List<String> COLUMNS = List.of("assignee", "plan_id", "effective_from", "effective_to");

    private final List<PlanAssignment> rows;

    private PlanAssignments(List<PlanAssignment> rows) {
        this.rows = List.copyOf(rows);
    }

    public static PlanAssignments load(Path file, PlanCatalog catalog) {
        DatedCsv csv = new DatedCsv(file.getFileName().toString());
        return build(csv, csv.read(file, COLUMNS), catalog);
    }

    public static PlanAssignments parse(String fileName, String text, PlanCatalog catalog) {
        DatedCsv csv = new DatedCsv(fileName);
        try (Reader reader = new StringReader(text)) {
            return build(csv, csv.read(reader, COLUMNS), catalog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PlanAssignments build(DatedCsv csv, List<CSVRecord> records, PlanCatalog catalog) {
        List<PlanAssignment> rows = new ArrayList<>();
        for (CSVRecord record : records) {
            long line = DatedCsv.line(record);
            String assignee = csv.required(record, "assignee", COLUMNS);
            if (assignee.equals(PlanAssignment.ROLE_PREFIX)) {
                csv.problem(line, "assignee", "a role assignee names the role, e.g. role:rep", assignee);
            }
            String planId = csv.required(record, "plan_id", COLUMNS);
            if (!planId.isEmpty() && !catalog.has(planId)) {
                csv.problem(line, "plan_id", "must be a plan of the catalog " + catalog.ids(), planId);
            }
            String fromText = csv.required(record, "effective_from", COLUMNS);
            LocalDate from = csv.date(record, "effective_from", fromText);
            LocalDate to = csv.date(record, "effective_to", csv.optional(record, "effective_to", COLUMNS));
            if (from != null && to != null && !to.isAfter(from)) {
                csv.problem(line, "effective_to", "must be after effective_from " + from, to.toString());
                continue;
            }
            if (assignee.isEmpty() || planId.isEmpty() || from == null) {
                continue;
            }
            PlanAssignment row = new PlanAssignment(assignee, planId, from, to, line);
            rows.stream().filter(other -> other.assignee().equals(assignee) && other.overlaps(row)).findFirst()
                    .ifPresent(other -> csv.problem(line, "effective_from", "must not overlap the assignment of "
                            + assignee + " on line " + other.line(), from + " to " + (to == null ? "open" : to)));
            rows.add(row);
        }
        csv.throwIfAny();
        return new PlanAssignments(rows);
    }

    /** The plan id that pays {@code repId} (of {@code role}) on {@code date}: the rep's own row, else the role's. */
    public Optional<String> planFor(String repId, String role, LocalDate date) {
        Optional<String> own = find(repId, date);
        return own.isPresent() ? own : find(PlanAssignment.ROLE_PREFIX + role, date);
    }

    private Optional<String> find(String assignee, LocalDate date) {
        return rows.stream().filter(row -> row.assignee().equals(assignee) && row.coversDate(date))
                .map(PlanAssignment::planId).findFirst();
    }

    public List<PlanAssignment> rows() {
        return rows;
    }
}
