package io.salesops.reports.pdf;

import java.text.AttributedCharacterIterator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;

import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.classic.ClassicChunk;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.classic.ClassicPhrase;
import net.sf.jasperreports.pdf.common.PdfChunk;
import net.sf.jasperreports.pdf.common.PdfPhrase;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducerContext;
import net.sf.jasperreports.pdf.common.PdfProducerFactory;
import net.sf.jasperreports.pdf.common.PdfTextAlignment;
import net.sf.jasperreports.pdf.common.TextDirection;

/**
 * JasperReports' OpenPDF producer, except that a paragraph with no right-to-left character is laid
 * out without OpenPDF's bidirectional pass.
 *
 * <p>Why: JasperReports asks for left-to-right layout of every paragraph, and OpenPDF then runs the
 * Unicode bidirectional algorithm, Arabic number shaping and glyph mirroring over its text. For
 * text that is left-to-right throughout (Chinese and Latin, all our statements print) that pass
 * changes nothing, and it was a tenth of the time of exporting a statement with thousands of lines.
 * A paragraph holding any right-to-left character still gets the full pass.
 *
 * <p>It also resolves each distinct font of a document once (see {@code Producer#fonts}). Both are
 * overrides of JasperReports' public producer extension point ({@link PdfProducerFactory}, named by
 * a property); text layout and drawing are JasperReports' and OpenPDF's own.
 */
public final class LeftToRightPdfProducerFactory implements PdfProducerFactory {

    /** The JasperReports property that names the PDF producer factory. */
    static final String PROPERTY = JRPdfExporter.PDF_PRODUCER_FACTORY_PROPERTY;

    /** A text run's attributes (family, size, weight, posture, colour, PDF font settings ...) and locale. */
    private record FontKey(Map<AttributedCharacterIterator.Attribute, Object> attributes, Locale locale) {
    }

    @Override
    public PdfProducer createProducer(PdfProducerContext context) {
        return new Producer(context);
    }

    private static final class Producer extends ClassicPdfProducer {
        /**
         * The fonts this document's text runs asked for, by their attributes. Why: JasperReports
         * resolves the font of every run of text from scratch (a new JRBaseFont, the font family
         * lookup, OpenPDF's FontFactory), which was a tenth of exporting a long statement, for the
         * two or three fonts a statement uses. Nothing changes a font once made, so one per
         * attribute set is shared; the producer, and so the cache, lives for one export.
         */
        private final Map<FontKey, Font> fonts = new HashMap<>();

        Producer(PdfProducerContext context) {
            super(context);
        }

        @Override
        public Font getFont(Map<AttributedCharacterIterator.Attribute, Object> attributes, Locale locale) {
            FontKey key = new FontKey(new HashMap<>(attributes), locale);
            Font font = fonts.get(key);
            if (font == null) {
                font = super.getFont(attributes, locale);
                fonts.put(key, font);
            }
            return font;
        }

        @Override
        public PdfPhrase createPhrase() {
            return new LeftToRightPhrase(this, new Phrase());
        }

        @Override
        public PdfPhrase createPhrase(PdfChunk chunk) {
            return new LeftToRightPhrase(this, new Phrase(((ClassicChunk) chunk).getChunk()));
        }
    }

    private static final class LeftToRightPhrase extends ClassicPhrase {
        private final Phrase phrase;

        LeftToRightPhrase(ClassicPdfProducer producer, Phrase phrase) {
            super(producer, phrase);
            this.phrase = phrase;
        }

        @Override
        public float go(float llx, float lly, float urx, float ury, float fixedLeading, float multipliedLeading,
                        PdfTextAlignment alignment, TextDirection direction) {
            TextDirection layout = direction;
            if (direction == TextDirection.LTR && !needsBidi(phrase)) {
                layout = TextDirection.DEFAULT;
            }
            return super.go(llx, lly, urx, ury, fixedLeading, multipliedLeading, alignment, layout);
        }
    }

    /** True when some chunk of the phrase holds a character of a right-to-left script or a bidi control. */
    static boolean needsBidi(Phrase phrase) {
        for (Element element : phrase) {
            if (element instanceof Chunk chunk) {
                if (needsBidi(chunk.getContent())) {
                    return true;
                }
            } else {
                return true; // not plain text: leave it to OpenPDF's full layout
            }
        }
        return false;
    }

    /** True when the text holds a character of a right-to-left script or a bidi control. */
    static boolean needsBidi(String text) {
        for (int i = 0; i < text.length(); i++) {
            // Below U+0590 (Hebrew) there is no right-to-left character and no bidi control; above it,
            // one look-up per character (statements are half Chinese: no stream per text)
            if (text.charAt(i) >= '\u0590' && rightToLeftOrControl(text.codePointAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Right-to-left letters, Arabic digits and every embedding, override and isolate control. */
    private static boolean rightToLeftOrControl(int codePoint) {
        return switch (Character.getDirectionality(codePoint)) {
            case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC,
                 Character.DIRECTIONALITY_ARABIC_NUMBER, Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING,
                 Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE,
                 Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING, Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE,
                 Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE, Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE,
                 Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT, Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE
                    -> true;
            default -> false;
        };
    }
}
