package io.salesops.warehouse.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one helper for writing a file in full or not at all (PDFs, payroll, Parquet copies). */
class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void writesIntoMissingDirectories() throws IOException {
        // given
        Path target = dir.resolve("a/b/report.pdf");

        // when
        Path written = AtomicFile.write(target, out -> out.write("new".getBytes(StandardCharsets.US_ASCII)));

        // then
        assertThat(written).isEqualTo(target.toAbsolutePath()).hasContent("new");
        assertThat(Files.getPosixFilePermissions(written)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryOne() throws IOException {
        // given
        Path target = Files.writeString(dir.resolve("report.pdf"), "previous run");

        // when
        AtomicFile.write(target, out -> out.write("%PDF-".getBytes(StandardCharsets.US_ASCII)));

        // then
        assertThat(target).hasContent("%PDF-");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aContentThatFailsBeforeWritingKeepsThePreviousFile() throws IOException {
        // given: a report whose font lacks a glyph fails before it writes a byte
        Path target = Files.writeString(dir.resolve("report.pdf"), "previous run");

        // when
        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
            throw new IllegalArgumentException("no glyph for 😀");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("no glyph for 😀");

        // then
        assertThat(target).hasContent("previous run");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void failureHalfWayKeepsThePreviousFileAndRemovesTheTemporaryOne() throws IOException {
        // given
        Path target = Files.writeString(dir.resolve("report.pdf"), "previous");

        // when
        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
            out.write("half a PDF".getBytes(StandardCharsets.US_ASCII));
            throw new IOException("disk full");
        }))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("cannot write " + target.toAbsolutePath() + "")
                .hasRootCauseMessage("disk full");

        // then
        assertThat(target).hasContent("previous");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
