package io.salesops.reports.pdf;

import java.awt.Font;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontFace;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.engine.fonts.FontInfo;
import net.sf.jasperreports.engine.fonts.FontUtil;

/**
 * Fails a report before filling when its font cannot show every character it would print.
 *
 * <p>The families are resolved the way the fill and the PDF export resolve them (font extensions of
 * the report's JasperReports context), and every face of each family (regular, bold, ...) must have
 * a glyph for every character of the text, whichever element prints it. Whitespace and control
 * characters are not checked.
 */
final class GlyphCheck {

    private static final String REMEDY = "Use the bundled Noto Sans SC (built into salesops-reports by npm) or set "
            + ReportFont.REGULAR_FILE_PROPERTY + " to a font with these glyphs.";

    private GlyphCheck() {
    }

    static void requireDisplayable(JasperReportsContext context, Locale locale, Set<String> fontFamilies,
                                   Collection<String> texts, String template) {
        SortedSet<Integer> codePoints = printableCodePoints(texts);
        FontUtil fonts = FontUtil.getInstance(context);
        for (String familyName : fontFamilies) {
            FontFamily family = family(fonts, familyName, locale, template);
            for (FontFace face : faces(family)) {
                requireDisplayable(family, face, codePoints);
            }
        }
    }

    private static FontFamily family(FontUtil fonts, String familyName, Locale locale, String template) {
        FontInfo info;
        try {
            info = fonts.getFontInfo(familyName, locale);
        } catch (JRRuntimeException e) {
            throw new IllegalStateException("cannot load font family '" + familyName + "' used by report template "
                    + template + ": " + e.getMessage(), e);
        }
        if (info == null) {
            throw new IllegalStateException("font family '" + familyName + "' used by report template " + template
                    + " is not registered with JasperReports, so the PDF could not embed it; "
                    + "its TTF files may be missing from the salesops-reports jar (see the log for the font "
                    + "extension error). " + REMEDY);
        }
        return info.getFontFamily();
    }

    private static List<FontFace> faces(FontFamily family) {
        List<FontFace> faces = new ArrayList<>(4);
        for (FontFace face : new FontFace[] {family.getNormalFace(), family.getBoldFace(),
                family.getItalicFace(), family.getBoldItalicFace()}) {
            // A face that did not load is never used: JasperReports falls back to the regular face.
            if (face != null && face.getFont() != null) {
                faces.add(face);
            }
        }
        if (family.getNormalFace() == null || family.getNormalFace().getFont() == null) {
            throw new IllegalStateException("font family '" + family.getName() + "' has no regular face loaded "
                    + "from a font file. " + REMEDY);
        }
        return faces;
    }

    private static void requireDisplayable(FontFamily family, FontFace face, SortedSet<Integer> codePoints) {
        Font font = face.getFont();
        List<Integer> missing = new ArrayList<>();
        for (int codePoint : codePoints) {
            if (!font.canDisplay(codePoint)) {
                missing.add(codePoint);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingGlyphsException(family.getName(), font.getFontName(Locale.ROOT), face.getTtf(), missing,
                    REMEDY);
        }
    }

    /**
     * The distinct printable code points of the texts, in order. Collected in a bit set: a long
     * statement has hundreds of thousands of characters and only a few hundred distinct ones.
     */
    static SortedSet<Integer> printableCodePoints(Collection<String> texts) {
        BitSet seen = new BitSet();
        for (String text : texts) {
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                seen.set(codePoint);
                i += Character.charCount(codePoint);
            }
        }
        SortedSet<Integer> codePoints = new TreeSet<>();
        seen.stream().filter(codePoint -> !Character.isWhitespace(codePoint) && !Character.isISOControl(codePoint))
                .forEach(codePoints::add);
        return codePoints;
    }
}
