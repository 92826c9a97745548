package io.salesops.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.engine.util.JRStyledText;

class TemplateAndContextTest {

    private static final String TEMPLATE = "io/salesops/reports/territory/territory-summary.jrxml";

    @Test
    void templateIsCompiledOncePerJvm() {
        assertThat(CompiledTemplate.load(TEMPLATE)).isSameAs(CompiledTemplate.load(TEMPLATE));
    }

    @Test
    void templateKnowsItsFontFamilyAndFixedText() {
        CompiledTemplate template = CompiledTemplate.load(TEMPLATE);

        assertThat(template.fontFamilies()).containsExactly("Noto Sans SC");
        assertThat(template.fixedTexts()).contains("区域业绩汇总 Territory performance", "合计 Total", "区域\nRegion");
    }

    @Test
    void templateKnowsTheFontFamiliesOfItsChartsLabels() {
        CompiledTemplate template = CompiledTemplate.load("pdf/chart-label-font.jrxml");

        assertThat(template.fontFamilies()).containsExactlyInAnyOrder("DejaVu Sans", "Noto Sans SC");
    }

    @Test
    void missingFontsStayAnErrorEvenWhenTheProcessDefaultSaysOtherwise() {
        DefaultJasperReportsContext defaults = DefaultJasperReportsContext.getInstance();
        try {
            // given
            defaults.setProperty(JRStyledText.PROPERTY_AWT_IGNORE_MISSING_FONT, "true");

            // when
            JasperReportsContext context = JasperContexts.forFont(ReportFont.bundled(), Set.of("Noto Sans SC"));

            // then
            assertThat(context.getProperty(JRStyledText.PROPERTY_AWT_IGNORE_MISSING_FONT)).isEqualTo("false");
        } finally {
            defaults.removeProperty(JRStyledText.PROPERTY_AWT_IGNORE_MISSING_FONT);
        }
    }

    @Test
    void bundledFamilyComesFromTheFontExtensionInTheJar() {
        // when
        List<FontFamily> families = JasperContexts.forFont(ReportFont.bundled(), Set.of("Noto Sans SC"))
                .getExtensions(FontFamily.class);

        // then
        FontFamily noto = families.stream().filter(f -> f.getName().equals("Noto Sans SC")).findFirst().orElseThrow();
        assertThat(noto.getNormalFace().getTtf()).endsWith("noto-sans-sc/NotoSansSC_400Regular.ttf");
        assertThat(noto.getBoldFace().getTtf()).endsWith("noto-sans-sc/NotoSansSC_700Bold.ttf");
        assertThat(noto.getPdfEncoding()).isEqualTo("Identity-H");
        assertThat(noto.isPdfEmbedded()).isTrue();
    }

    @Test
    void withTheBundledFontNoTextIsSentToTheGlyphRendererForItHasNoGlyphOfItsScripts() {
        // given: the scripts JasperReports would shape with Java's glyph layout, by default
        String scripts = DefaultJasperReportsContext.getInstance().getProperty(JasperContexts.GLYPH_RENDERER_BLOCKS);
        List<Character.UnicodeBlock> blocks = java.util.Arrays.stream(scripts.split(","))
                .map(name -> Character.UnicodeBlock.forName(name.trim())).toList();
        assertThat(blocks).contains(Character.UnicodeBlock.DEVANAGARI, Character.UnicodeBlock.KHMER);
        FontFamily noto = JasperContexts.forFont(ReportFont.bundled(), Set.of("Noto Sans SC"))
                .getExtensions(FontFamily.class).stream().filter(f -> f.getName().equals("Noto Sans SC"))
                .findFirst().orElseThrow();

        // when: every character of those scripts the bundled faces can display (GlyphCheck lets only those through)
        List<String> displayable = new java.util.ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (blocks.contains(Character.UnicodeBlock.of(c)) && (noto.getNormalFace().getFont().canDisplay(c)
                    || noto.getBoldFace().getFont().canDisplay(c))) {
                displayable.add(Integer.toHexString(c));
            }
        }

        // then: none, so the context can spare the per-character look-up; a configured font keeps it
        assertThat(displayable).isEmpty();
        assertThat(JasperContexts.forFont(ReportFont.bundled(), Set.of("Noto Sans SC"))
                .getProperty(JasperContexts.GLYPH_RENDERER_BLOCKS)).isEmpty();
        assertThat(JasperContexts.forFont(ReportFont.file(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")),
                Set.of("Noto Sans SC")).getProperty(JasperContexts.GLYPH_RENDERER_BLOCKS)).isEqualTo(scripts);
    }

    @Test
    void configuredFontTakesTheFamilyNameOverAheadOfTheBundledOne() {
        // given
        Path dejaVu = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

        // when
        List<FontFamily> families = JasperContexts.forFont(ReportFont.file(dejaVu), Set.of("Noto Sans SC"))
                .getExtensions(FontFamily.class);

        // then
        FontFamily first = families.get(0);
        assertThat(first.getName()).isEqualTo("Noto Sans SC");
        assertThat(first.getNormalFace().getTtf()).isEqualTo(dejaVu.toString());
        assertThat(first.getBoldFace()).isNull();
    }

    @Test
    void unregisteredFontFamilyFailsBeforeFilling() {
        // given
        JasperReportsContext context = JasperContexts.forFont(ReportFont.bundled(), Set.of("Noto Sans SC"));

        // when / then
        assertThatThrownBy(() -> GlyphCheck.requireDisplayable(context, Locale.ROOT, Set.of("No Such Sans"),
                List.of("华东"), "some/template.jrxml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("font family 'No Such Sans' used by report template some/template.jrxml "
                        + "is not registered with JasperReports, so the PDF could not embed it;");
    }

    @Test
    void checksPrintedCharactersOnly() {
        assertThat(GlyphCheck.printableCodePoints(List.of("华 东\n", "\t1"))).containsExactly((int) '1', (int) '东', (int) '华');
    }
}
