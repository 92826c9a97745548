package io.salesops.ingest.parse;

import java.util.Locale;

/** Undoes the cosmetic variation exports bring: full-width characters, stray spaces, case. */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    /** Full-width ASCII (Ａ-Ｚ, ０-９, ，．％ ...) and the ideographic space become their ASCII forms. */
    public static String halfWidth(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            char mapped = c;
            if (c >= '\uFF01' && c <= '\uFF5E') {
                mapped = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                mapped = ' ';
            }
            if (mapped != c && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (out != null) {
                out.append(mapped);
            }
        }
        return out == null ? value : out.toString();
    }

    /**
     * The form allowed values are compared in: "Trade Show", " trade-show " and "TRADE_SHOW" all
     * become "trade_show". Chinese values are unaffected.
     */
    public static String categoryKey(String value) {
        String text = halfWidth(value).strip().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(text.length());
        boolean separator = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '-' || c == '_' || c == '\t') {
                separator = out.length() > 0;
            } else {
                if (separator) {
                    out.append('_');
                    separator = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
