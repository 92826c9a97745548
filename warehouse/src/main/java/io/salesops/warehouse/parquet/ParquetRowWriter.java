package io.salesops.warehouse.parquet;

import io.salesops.warehouse.model.Column;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * Streams rows into one Parquet file without Spark: ingest writes millions of rows with constant
 * memory (one row group buffered at a time).
 */
public final class ParquetRowWriter implements Closeable {

    private final ParquetWriter<Object[]> writer;
    private long rows;

    public ParquetRowWriter(Path file, String schemaName, List<Column> columns) {
        this(file, schemaName, columns, Set.of());
    }

    /**
     * @param uniqueColumns columns whose values are (nearly) all distinct, such as a natural key:
     *                      they are written without a dictionary
     */
    public ParquetRowWriter(Path file, String schemaName, List<Column> columns, Set<String> uniqueColumns) {
        try {
            Builder builder = new Builder(new LocalOutputFile(file),
                    new RowWriteSupport(ParquetSchemas.messageType(schemaName, columns), columns))
                    .withConf(new Configuration(false))
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withPageWriteChecksumEnabled(false)
                    .withWriteMode(ParquetFileWriter.Mode.CREATE);
            for (Column column : columns) {
                builder = builder.withDictionaryEncoding(column.name(),
                        worthADictionary(column) && !uniqueColumns.contains(column.name()));
            }
            this.writer = builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Parquet file " + file, e);
        }
    }

    /**
     * Why: building a dictionary hashes every value, and for a column of mostly distinct values the
     * writer then throws the dictionary away and re-encodes the page, which was the largest single
     * cost of ingest. Categories, ids that repeat (accounts, reps), text and dates gain from one;
     * numbers and instants, nearly always distinct, do not.
     */
    private static boolean worthADictionary(Column column) {
        return switch (column.type()) {
            case STRING, DATE, BOOLEAN -> true;
            case LONG, MONEY, QUANTITY, RATE, TIMESTAMP -> false;
        };
    }

    public void write(Object[] row) {
        try {
            writer.write(row);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final WriteSupport<Object[]> writeSupport;

        Builder(OutputFile file, WriteSupport<Object[]> writeSupport) {
            super(file);
            this.writeSupport = writeSupport;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
            return writeSupport;
        }
    }
}
