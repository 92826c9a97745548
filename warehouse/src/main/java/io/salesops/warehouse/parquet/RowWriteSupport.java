package io.salesops.warehouse.parquet;

import io.salesops.warehouse.model.Column;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
    private RecordConsumer consumer;

    RowWriteSupport(MessageType schema, List<Column> columns) {
        this.schema = schema;
        this.columns = columns;
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
        for (int i = 0; i < columns.size(); i++) {
            Object value = row[i];
            if (value == null) {
                continue;
            }
            Column column = columns.get(i);
            consumer.startField(column.name(), i);
            switch (column.type()) {
                case STRING -> consumer.addBinary(Binary.fromString((String) value));
                case LONG -> consumer.addLong((Long) value);
                case MONEY, QUANTITY, RATE -> consumer.addLong(unscaled((BigDecimal) value, column));
                case DATE -> consumer.addInteger(Math.toIntExact(((LocalDate) value).toEpochDay()));
                case TIMESTAMP -> consumer.addLong(ChronoUnit.MICROS.between(Instant.EPOCH, (Instant) value));
                case BOOLEAN -> consumer.addBoolean((Boolean) value);
            }
            consumer.endField(column.name(), i);
        }
        consumer.endMessage();
    }

    private static long unscaled(BigDecimal value, Column column) {
        // Scale is fixed by the column type; values arrive already rounded by the parser, so a
        // scale change here that would lose digits is a bug, not a rounding decision.
        return value.setScale(column.type().scale()).unscaledValue().longValueExact();
    }
}
