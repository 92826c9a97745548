package io.salesops.reports.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which TrueType files supply the font family a report template names.
 *
 * <p>{@link #bundled()} uses the font extension inside this module's jar (Noto Sans SC, fetched by
 * the build). A configured font ({@link #file(Path)}, {@link #files(Path, Path)}, or the system
 * properties {@value #REGULAR_FILE_PROPERTY} and {@value #BOLD_FILE_PROPERTY}) takes the
 * template's family name over for the reports built with it, so that templates never change; the
 * PDF then embeds the configured font under its own name. Without a bold file, bold text is drawn
 * with the regular face made bold by the PDF renderer.
 */
public final class ReportFont {

    /** A .ttf/.otf file to use instead of the bundled regular face. */
    public static final String REGULAR_FILE_PROPERTY = "salesops.reports.font.regular-file";
    /** Optional, with {@value #REGULAR_FILE_PROPERTY}: a .ttf/.otf file for bold text. */
    public static final String BOLD_FILE_PROPERTY = "salesops.reports.font.bold-file";

    private static final ReportFont BUNDLED = new ReportFont(null, null);

    private final Path regularFile;
    private final Path boldFile;

    private ReportFont(Path regularFile, Path boldFile) {
        this.regularFile = regularFile;
        this.boldFile = boldFile;
    }

    public static ReportFont bundled() {
        return BUNDLED;
    }

    /** One face for all text; bold is simulated. */
    public static ReportFont file(Path regularFile) {
        return new ReportFont(requireFontFile(regularFile, "regular font file"), null);
    }

    public static ReportFont files(Path regularFile, Path boldFile) {
        return new ReportFont(requireFontFile(regularFile, "regular font file"),
                requireFontFile(boldFile, "bold font file"));
    }

    /** The font the system properties configure, or {@link #bundled()} when they are not set. */
    public static ReportFont fromSystemProperties() {
        String regular = System.getProperty(REGULAR_FILE_PROPERTY);
        String bold = System.getProperty(BOLD_FILE_PROPERTY);
        if (isBlank(regular)) {
            if (!isBlank(bold)) {
                throw new IllegalArgumentException(BOLD_FILE_PROPERTY + " needs " + REGULAR_FILE_PROPERTY
                        + " as well, cannot be set alone: " + bold);
            }
            return bundled();
        }
        Path regularFile = requireFontFile(Path.of(regular.strip()), "system property " + REGULAR_FILE_PROPERTY);
        return isBlank(bold)
                ? new ReportFont(regularFile, null)
                : new ReportFont(regularFile, requireFontFile(Path.of(bold.strip()), "system property " + BOLD_FILE_PROPERTY));
    }

    public boolean isBundled() {
        return regularFile == null;
    }

    /** Empty for the bundled font. */
    public Optional<Path> regularFile() {
        return Optional.ofNullable(regularFile);
    }

    /** Empty for the bundled font and for a configured font without a bold face. */
    public Optional<Path> boldFile() {
        return Optional.ofNullable(boldFile);
    }

    @Override
    public String toString() {
        if (isBundled()) {
            return "bundled Noto Sans SC";
        }
        return "configured font " + regularFile + (boldFile == null ? "" : " (bold: " + boldFile + ")");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReportFont that
                && Objects.equals(regularFile, that.regularFile) && Objects.equals(boldFile, that.boldFile);
    }

    @Override
    public int hashCode() {
        return Objects.hash(regularFile, boldFile);
    }

    private static Path requireFontFile(Path file, String source) {
        Objects.requireNonNull(file, source);
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        // JasperReports reads any other name as the name of a font installed in the JVM.
        if (!name.endsWith(".ttf") && !name.endsWith(".otf")) {
            throw new IllegalArgumentException(source + " must be a .ttf or .otf file, cannot be: " + file);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(source + " must be a readable file, cannot be: " + file);
        }
        return file.toAbsolutePath().normalize();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
