package io.salesops.jobs.commission.assign;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * The effective-dated manager hierarchy finance keeps beside the plans: {@code reporting-lines.csv}
 * with the header {@code rep_id,manager_id,effective_from,effective_to} (effective_to optional,
 * not included). A rep's rows may not overlap. Without the file, each rep's current manager in
 * {@code reps} applies from the hire date.
 */
public final class ReportingLines {

    public static final String FILE_NAME = "reporting-lines.csv";
    static final List<String> COLUMNS = List.of("rep_id", "manager_id", "effective_from", "effective_to");

    /** One reporting line: repId reports to managerId on [from, to). */
    public record Line(String repId, String managerId, LocalDate from, LocalDate to, long line) {
        boolean overlaps(Line other) {
            return (other.to == null || from.isBefore(other.to)) && (to == null || other.from.isBefore(to));
        }
    }

    private ReportingLines() {
    }

    public static List<Line> load(Path file) {
        DatedCsv csv = new DatedCsv(file.getFileName().toString());
        List<Line> lines = new ArrayList<>();
        for (CSVRecord record : csv.read(file, COLUMNS)) {
            long number = DatedCsv.line(record);
            String rep = csv.required(record, "rep_id", COLUMNS);
            String manager = csv.required(record, "manager_id", COLUMNS);
            LocalDate from = csv.date(record, "effective_from", csv.required(record, "effective_from", COLUMNS));
            LocalDate to = csv.date(record, "effective_to", csv.optional(record, "effective_to", COLUMNS));
            if (!rep.isEmpty() && rep.equals(manager)) {
                csv.problem(number, "manager_id", "a rep cannot report to themselves", manager);
            }
            if (from != null && to != null && !to.isAfter(from)) {
                csv.problem(number, "effective_to", "must be after effective_from " + from, to.toString());
                continue;
            }
            if (rep.isEmpty() || manager.isEmpty() || from == null) {
                continue;
            }
            Line line = new Line(rep, manager, from, to, number);
            lines.stream().filter(other -> other.repId().equals(rep) && other.overlaps(line)).findFirst()
                    .ifPresent(other -> csv.problem(number, "effective_from", "must not overlap the line of " + rep
                            + " on line " + other.line(), from + " to " + (to == null ? "open" : to)));
            lines.add(line);
        }
        csv.throwIfAny();
        return lines;
    }
}
