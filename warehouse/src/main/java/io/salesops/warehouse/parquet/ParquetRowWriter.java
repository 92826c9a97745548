package io.salesops.warehouse.parquet;

import io.salesops.warehouse.model.Column;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
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
        try {
            this.writer = new Builder(new LocalOutputFile(file),
                    new RowWriteSupport(ParquetSchemas.messageType(schemaName, columns), columns))
                    .withConf(new Configuration(false))
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withWriteMode(ParquetFileWriter.Mode.CREATE)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Parquet file " + file, e);
        }
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
