package io.salesops.ingest.sample;

/** Business keys as the source systems print them: a prefix and a zero-padded number. */
final class Ids {
    private Ids() {
    }

    /** Zero-padded by hand: String.format would follow the default locale's digits. */
    static String code(String prefix, long number, int width) {
        String digits = Long.toString(number);
        StringBuilder out = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits).toString();
    }

    /** Chinese numerals 1..99 for team names: 一, 十二, 二十三. */
    static String chineseNumber(int n) {
        String digits = "零一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        String tens = n / 10 == 1 ? "" : String.valueOf(digits.charAt(n / 10));
        String units = n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10));
        return tens + "十" + units;
    }
}
