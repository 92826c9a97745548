package io.salesops.reports.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;

/** What a PDF reader gets out of a rendered report, read with PDFBox. */
public final class PdfContents {

    /** A font a page uses: its base font name (with the subset prefix), its type and whether it is embedded. */
    public record PageFont(String baseFont, boolean type0, boolean embedded, String encoding) {
    }

    /** What renders a PDF into a stream: a report's {@code render(..., out)}. */
    @FunctionalInterface
    public interface Render {
        void to(java.io.OutputStream out) throws Exception;
    }

    private PdfContents() {
    }

    /**
     * Renders into memory, then writes the bytes to {@code pdf}; when the render fails, writes what
     * it had put in the stream by then, if anything, and rethrows: a report that checks before it
     * writes (missing glyphs) leaves no file.
     *
     * @return {@code pdf} as an absolute path
     */
    public static Path write(Path pdf, Render render) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            render.to(bytes);
        } catch (RuntimeException e) {
            if (bytes.size() > 0) {
                save(pdf, bytes);
            }
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return save(pdf, bytes);
    }

    private static Path save(Path pdf, java.io.ByteArrayOutputStream bytes) {
        try {
            java.nio.file.Files.createDirectories(pdf.toAbsolutePath().getParent());
            return java.nio.file.Files.write(pdf, bytes.toByteArray()).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of every page, lines in reading order, trailing blanks trimmed. */
    public static List<String> lines(Path pdf) {
        return List.of(text(pdf).lines().map(String::strip).toArray(String[]::new));
    }

    public static String text(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int pages(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each page's content stream: what it draws, operator for operator. */
    public static List<byte[]> pageContents(Path pdf) {
        List<byte[]> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                try (java.io.InputStream contents = page.getContents()) {
                    pages.add(contents.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** The distinct fonts of all pages. */
    public static Set<PageFont> fonts(Path pdf) {
        Set<PageFont> fonts = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(describe(resources.getFont(name)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fonts;
    }

    /**
     * The text a page shows inside a rectangle, in points from the page's top left corner: e.g. the labels
     * of a chart, where nothing else is drawn.
     */
    public static String textIn(Path pdf, int pageIndex, java.awt.geom.Rectangle2D area) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            stripper.setSortByPosition(true);
            stripper.addRegion("area", area);
            stripper.extractRegions(document.getPage(pageIndex));
            return stripper.getTextForRegion("area");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The distinct fonts of the form XObjects the pages draw: what JasperReports draws a chart into, with
     * the fonts of its labels when they are drawn as text.
     */
    public static Set<PageFont> formFonts(Path pdf) {
        Set<PageFont> fonts = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getXObjectNames()) {
                    PDXObject xObject = resources.getXObject(name);
                    if (xObject instanceof PDFormXObject form && form.getResources() != null) {
                        for (COSName fontName : form.getResources().getFontNames()) {
                            fonts.add(describe(form.getResources().getFont(fontName)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fonts;
    }

    private static PageFont describe(PDFont font) {
        if (font instanceof PDType0Font type0) {
            String encoding = type0.getCOSObject().getNameAsString(COSName.ENCODING);
            return new PageFont(type0.getName(), true, type0.getDescendantFont().isEmbedded(), encoding);
        }
        return new PageFont(font.getName(), false, font.isEmbedded(), null);
    }

    /** The lines after the first that starts with {@code header}, up to and with the next that starts with {@code last}. */
    public static List<String> linesAfter(List<String> lines, String header, String last) {
        List<String> section = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            if (inside) {
                section.add(line);
                if (line.startsWith(last)) {
                    return section;
                }
            } else {
                inside = line.startsWith(header);
            }
        }
        throw new AssertionError("no lines after '" + header + "' up to '" + last + "' in:\n" + String.join("\n", lines));
    }
}
