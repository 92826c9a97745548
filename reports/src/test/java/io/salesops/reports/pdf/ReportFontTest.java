package io.salesops.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFontTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty(ReportFont.REGULAR_FILE_PROPERTY);
        System.clearProperty(ReportFont.BOLD_FILE_PROPERTY);
    }

    @Test
    void bundledWhenNoPropertyIsSet() {
        assertThat(ReportFont.fromSystemProperties()).isEqualTo(ReportFont.bundled());
        assertThat(ReportFont.bundled().isBundled()).isTrue();
    }

    @Test
    void configuredBySystemProperties() throws IOException {
        // given
        Path regular = Files.createFile(dir.resolve("Regular.ttf"));
        Path bold = Files.createFile(dir.resolve("Bold.TTF"));
        System.setProperty(ReportFont.REGULAR_FILE_PROPERTY, regular.toString());
        System.setProperty(ReportFont.BOLD_FILE_PROPERTY, bold.toString());

        // when
        ReportFont font = ReportFont.fromSystemProperties();

        // then
        assertThat(font.isBundled()).isFalse();
        assertThat(font.regularFile()).contains(regular.toAbsolutePath());
        assertThat(font.boldFile()).contains(bold.toAbsolutePath());
    }

    @Test
    void boldPropertyAloneIsAMistake() {
        System.setProperty(ReportFont.BOLD_FILE_PROPERTY, "/fonts/Bold.ttf");
        assertThatThrownBy(ReportFont::fromSystemProperties)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("salesops.reports.font.bold-file needs salesops.reports.font.regular-file as well, "
                        + "cannot be set alone: /fonts/Bold.ttf");
    }

    @Test
    void rejectsAMissingFileNamingTheProperty() {
        System.setProperty(ReportFont.REGULAR_FILE_PROPERTY, dir.resolve("nope.ttf").toString());
        assertThatThrownBy(ReportFont::fromSystemProperties)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("system property salesops.reports.font.regular-file must be a readable file, cannot be: "
                        + dir.resolve("nope.ttf"));
    }

    @Test
    void rejectsAFileThatIsNotTtfOrOtf() throws IOException {
        Path collection = Files.createFile(dir.resolve("NotoSansCJK.ttc"));
        assertThatThrownBy(() -> ReportFont.file(collection))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("regular font file must be a .ttf or .otf file, cannot be: " + collection);
    }

    @Test
    void rejectsAFileThatIsNoFont() throws IOException {
        // given
        Path notAFont = Files.writeString(dir.resolve("fake.ttf"), "<html>not found</html>");

        // when / then
        assertThatThrownBy(() -> new PdfRenderer("io/salesops/reports/territory/territory-summary.jrxml",
                ReportFont.file(notAFont)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("font file must be a TrueType/OpenType font, cannot be: " + notAFont.toAbsolutePath());
    }
}
