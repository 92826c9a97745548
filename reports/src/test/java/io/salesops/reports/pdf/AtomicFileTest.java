package io.salesops.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void writesIntoMissingDirectories() {
        // given
        Path target = dir.resolve("a/b/report.pdf");

        // when
        Path written = AtomicFile.write(target, out -> out.write("new".getBytes(StandardCharsets.US_ASCII)));

        // then
        assertThat(written).isEqualTo(target.toAbsolutePath()).hasContent("new");
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
