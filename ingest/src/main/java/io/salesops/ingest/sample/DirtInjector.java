package io.salesops.ingest.sample;

import io.salesops.warehouse.model.Column;
import io.salesops.warehouse.model.ColumnType;
import io.salesops.warehouse.model.TableDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Spoils a deterministic share of a file's rows, at most one kind of dirt per row, and counts what
 * it did. Duplicates copy a clean row and re-emit it a few hundred rows later, so only a handful
 * of rows are held at any time.
 */
final class DirtInjector {
    private static final int MAX_DUPLICATE_DELAY = 400;
    private static final List<DirtKind> SPOILING_KINDS = List.of(DirtKind.BAD_DATE, DirtKind.MISSING_KEY,
            DirtKind.CATEGORY_TYPO);

    interface RowSink {
        void accept(String[] row) throws IOException;
    }

    private record Pending(long due, long order, String[] row) {
    }

    private final DirtPolicy policy;
    private final SplittableRandom random;
    private final List<Integer> dateColumns = new ArrayList<>();
    private final List<Integer> keyColumns = new ArrayList<>();
    private final List<Integer> restrictedColumns = new ArrayList<>();
    private final Map<DirtKind, Long> counts = new EnumMap<>(DirtKind.class);
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            Comparator.comparingLong(Pending::due).thenComparingLong(Pending::order));
    private long rowNumber;

    DirtInjector(TableDefinition table, DirtPolicy policy, SplittableRandom random) {
        this.policy = policy;
        this.random = random;
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (column.type() == ColumnType.DATE || column.type() == ColumnType.TIMESTAMP) {
                dateColumns.add(i);
            }
            if (table.naturalKey().contains(column.name())) {
                keyColumns.add(i);
            }
            if (column.restricted()) {
                restrictedColumns.add(i);
            }
        }
        for (DirtKind kind : DirtKind.values()) {
            counts.put(kind, 0L);
        }
    }

    void write(String[] row, RowSink sink) throws IOException {
        rowNumber++;
        DirtKind kind = drawKind();
        boolean spoiled = kind != null && spoil(kind, row);
        if (spoiled) {
            counts.merge(kind, 1L, Long::sum);
        }
        sink.accept(row);
        if (!spoiled && policy.allows(DirtKind.DUPLICATE_ROW) && Draw.chance(random, policy.rate())) {
            long due = rowNumber + Draw.between(random, 1, MAX_DUPLICATE_DELAY);
            pending.add(new Pending(due, rowNumber, row.clone()));
        }
        while (!pending.isEmpty() && pending.peek().due() <= rowNumber) {
            emitDuplicate(sink);
        }
    }

    /** Emits the duplicates still waiting when the file ends. */
    void finish(RowSink sink) throws IOException {
        while (!pending.isEmpty()) {
            emitDuplicate(sink);
        }
    }

    Map<DirtKind, Long> counts() {
        return new EnumMap<>(counts);
    }

    private void emitDuplicate(RowSink sink) throws IOException {
        sink.accept(pending.poll().row());
        counts.merge(DirtKind.DUPLICATE_ROW, 1L, Long::sum);
    }

    private DirtKind drawKind() {
        if (policy.kinds().isEmpty()) {
            return null;
        }
        double u = random.nextDouble();
        for (DirtKind kind : SPOILING_KINDS) {
            if (policy.allows(kind)) {
                if (u < policy.rate()) {
                    return kind;
                }
                u -= policy.rate();
            }
        }
        return null;
    }

    /** False when the row has nothing this kind could spoil (no date filled in, say); it then stays clean. */
    private boolean spoil(DirtKind kind, String[] row) {
        switch (kind) {
            case BAD_DATE -> {
                Integer column = pickFilled(dateColumns, row);
                if (column == null) {
                    return false;
                }
                row[column] = badDate(row[column]);
                return true;
            }
            case MISSING_KEY -> {
                if (keyColumns.isEmpty()) {
                    return false;
                }
                keyColumns.forEach(i -> row[i] = "");
                return true;
            }
            case CATEGORY_TYPO -> {
                Integer column = pickFilled(restrictedColumns, row);
                if (column == null) {
                    return false;
                }
                row[column] = CategoryVariants.variant(row[column], random);
                return true;
            }
            default -> throw new IllegalStateException("not a spoiling kind: " + kind);
        }
    }

    private Integer pickFilled(List<Integer> columns, String[] row) {
        List<Integer> filled = columns.stream().filter(i -> !row[i].isEmpty()).toList();
        return filled.isEmpty() ? null : filled.get(random.nextInt(filled.size()));
    }

    /** Values a date parser must reject, in the shapes people actually type them. */
    private String badDate(String original) {
        String year = original.length() >= 4 && original.substring(0, 4).chars().allMatch(Character::isDigit)
                ? original.substring(0, 4) : "2025";
        return switch (random.nextInt(6)) {
            case 0 -> year + "-13-45";
            case 1 -> "N/A";
            case 2 -> "31/02/" + year;
            case 3 -> year + "-02-30";
            case 4 -> "0000-00-00";
            default -> year + "/13/1";
        };
    }
}
