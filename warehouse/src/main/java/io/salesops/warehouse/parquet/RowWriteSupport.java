package io.salesops.warehouse.parquet;

import io.salesops.warehouse.model.Column;
import io.salesops.warehouse.model.ColumnType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/** Writes rows given as Object arrays in column order: String, Long, BigDecimal, LocalDate, Instant, Boolean. */
final class RowWriteSupport extends WriteSupport<Object[]> {

    private final MessageType schema;
    private final List<Column> columns;
    private final ColumnType[] types;
    private final String[] names;
    /**
     * Per column, the last string written and its UTF-8 form. Lineage values (file, batch) are the
     * same String object on every row of a file, and so are canonical category values often on
     * consecutive rows: re-encoding them on every row was a measurable part of ingest.
     */
    private final String[] lastString;
    private final Binary[] lastBinary;
    private RecordConsumer consumer;

    RowWriteSupport(MessageType schema, List<Column> columns) {
        this.schema = schema;
        this.columns = columns;
        this.types = columns.stream().map(Column::type).toArray(ColumnType[]::new);
        this.names = columns.stream().map(Column::name).toArray(String[]::new);
        this.lastString = new String[columns.size()];
        this.lastBinary = new Binary[columns.size()];
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
        consumer.startMessage();
        for (int i = 0; i < types.length; i++) {
            Object value = row[i];
            if (value == null) {
                continue;
            }
            consumer.startField(names[i], i);
            switch (types[i]) {
                case STRING -> consumer.addBinary(binary(i, (String) value));
                case LONG -> consumer.addLong((Long) value);
                case MONEY, QUANTITY, RATE -> consumer.addLong(unscaled((BigDecimal) value, columns.get(i)));
                case DATE -> consumer.addInteger(Math.toIntExact(((LocalDate) value).toEpochDay()));
                case TIMESTAMP -> consumer.addLong(micros((Instant) value));
                case BOOLEAN -> consumer.addBoolean((Boolean) value);
            }
            consumer.endField(names[i], i);
        }
        consumer.endMessage();
    }

    /**
     * A byte-array binary, not {@code Binary.fromString}'s ByteBuffer-backed one: the dictionary
     * and the min/max statistics compare and hash every value, and over a byte array that is
     * cheaper. Measured on 1 M curated rows in one JVM, alternating the two (thread CPU after
     * warm-up): leads 1.46 → 1.33 s, opportunities 1.87 → 1.68 s, activities about 3 % less.
     */
    private Binary binary(int column, String value) {
        if (value != lastString[column]) {
            lastString[column] = value;
            lastBinary[column] = Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
        }
        return lastBinary[column];
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static long unscaled(BigDecimal value, Column column) {
        // Scale is fixed by the column type; values arrive already rounded by the parser, so a
        // scale change here that would lose digits is a bug, not a rounding decision.
        return value.setScale(column.type().scale()).unscaledValue().longValueExact();
    }
}
