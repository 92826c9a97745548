package io.salesops.reports.pdf;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A report's font has no glyph for some characters the report would print. Thrown before filling:
 * the PDF exporter would silently leave those characters out.
 */
public final class MissingGlyphsException extends IllegalStateException {

    private static final int LISTED_CHARACTERS = 20;

    private final String fontFamily;
    private final String fontFile;
    private final List<Integer> missingCodePoints;

    MissingGlyphsException(String fontFamily, String faceName, String fontFile, List<Integer> missingCodePoints,
                           String remedy) {
        super("font '" + faceName + "' (family '" + fontFamily + "', from " + fontFile + ") cannot display "
                + missingCodePoints.size() + " character(s) the report prints: " + describe(missingCodePoints)
                + ". " + remedy);
        this.fontFamily = fontFamily;
        this.fontFile = fontFile;
        this.missingCodePoints = List.copyOf(missingCodePoints);
    }

    public String fontFamily() {
        return fontFamily;
    }

    /** Where the face that lacks the glyphs was loaded from: a file path or a classpath resource. */
    public String fontFile() {
        return fontFile;
    }

    /** The characters without a glyph, as a string in code point order. */
    public String missingCharacters() {
        return missingCodePoints.stream().map(Character::toString).collect(Collectors.joining());
    }

    private static String describe(List<Integer> codePoints) {
        String listed = codePoints.stream()
                .limit(LISTED_CHARACTERS)
                .map(codePoint -> Character.toString(codePoint) + " (U+" + String.format("%04X", codePoint) + ")")
                .collect(Collectors.joining(", "));
        int more = codePoints.size() - LISTED_CHARACTERS;
        return more > 0 ? listed + " and " + more + " more" : listed;
    }
}
