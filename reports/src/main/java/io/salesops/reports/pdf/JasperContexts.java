package io.salesops.reports.pdf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.engine.fonts.InvalidFontException;
import net.sf.jasperreports.engine.fonts.SimpleFontFace;
import net.sf.jasperreports.engine.fonts.SimpleFontFamily;
import net.sf.jasperreports.engine.util.JRStyledText;
import net.sf.jasperreports.pdf.PdfReportConfiguration;

/**
 * The JasperReports context a report fills and exports with: the process-wide defaults (with the
 * font extensions on the classpath), a missing font as an error, our PDF producer, and a
 * configured font, if any,
 * registered under the template's family names ahead of the bundled families.
 */
final class JasperContexts {

    static final String PDF_ENCODING = "Identity-H";

    /** The scripts JasperReports draws with Java's glyph layout instead of the font's own glyph widths. */
    static final String GLYPH_RENDERER_BLOCKS = PdfReportConfiguration.PROPERTY_PREFIX_GLYPH_RENDERER_BLOCKS + "default";

    private JasperContexts() {
    }

    static JasperReportsContext forFont(ReportFont font, Set<String> fontFamilies) {
        SimpleJasperReportsContext context = new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
        // With true, an unknown font name silently falls back to a JVM font and CJK text vanishes.
        context.setProperty(JRStyledText.PROPERTY_AWT_IGNORE_MISSING_FONT, Boolean.FALSE.toString());
        context.setProperty(LeftToRightPdfProducerFactory.PROPERTY, LeftToRightPdfProducerFactory.class.getName());
        if (font.isBundled()) {
            // JasperReports looks up the Unicode block of every character of every text element, to
            // shape Indic and South-East Asian scripts with Java's glyph layout (a twelfth of
            // exporting a statement). The bundled Noto Sans SC has no glyph in any of those blocks
            // and GlyphCheck refuses text it cannot display, so no printed text has such a character.
            context.setProperty(GLYPH_RENDERER_BLOCKS, "");
        } else {
            List<FontFamily> families = new ArrayList<>();
            for (String name : fontFamilies) {
                families.add(family(context, name, font));
            }
            // A context's own extensions come before its parent's, so these win over the bundled family.
            context.setExtensions(FontFamily.class, families);
        }
        return context;
    }

    private static FontFamily family(JasperReportsContext context, String name, ReportFont font) {
        SimpleFontFamily family = new SimpleFontFamily(context);
        family.setName(name);
        family.setNormalFace(face(context, font.regularFile().orElseThrow()));
        font.boldFile().ifPresent(bold -> family.setBoldFace(face(context, bold)));
        family.setPdfEncoding(PDF_ENCODING);
        family.setPdfEmbedded(Boolean.TRUE);
        return family;
    }

    private static SimpleFontFace face(JasperReportsContext context, Path file) {
        SimpleFontFace face = new SimpleFontFace(context);
        try {
            face.setTtf(file.toString());
        } catch (InvalidFontException e) {
            throw new IllegalArgumentException("font file must be a TrueType/OpenType font, cannot be: " + file, e);
        }
        return face;
    }
}
