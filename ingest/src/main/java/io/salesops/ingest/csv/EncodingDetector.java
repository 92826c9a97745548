package io.salesops.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a file's encoding the way Chinese exports need: a BOM means UTF-8; otherwise UTF-8 if the
 * whole file decodes strictly as UTF-8; otherwise GB18030 (a superset of GBK, which Excel and
 * Kingdee/Yonyou write on Simplified-Chinese Windows). A declared charset skips detection.
 */
public final class EncodingDetector {

    private static final int BINARY_PROBE_BYTES = 64 * 1024;

    private EncodingDetector() {
    }

    public record Detected(Charset charset, int bomLength) {
    }

    public static Detected detect(Path file, Charset declared) throws IOException {
        return detect(file, declared, null);
    }

    /** @param scan the file's {@link FileScan}, if already taken, so the file is not decoded again */
    public static Detected detect(Path file, Charset declared, FileScan scan) throws IOException {
        byte[] head = readHead(file);
        if (looksBinary(head)) {
            throw new IllegalArgumentException(file + ": not a text export (binary content, NUL bytes in the first "
                    + BINARY_PROBE_BYTES / 1024 + " KB)");
        }
        int bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        if (declared != null) {
            boolean valid = scan != null && declared.equals(StandardCharsets.UTF_8) ? scan.utf8()
                    : decodesStrictly(file, declared);
            if (!valid) {
                boolean gbk = !declared.name().startsWith("GB") && decodesStrictly(file, Charset.forName("GB18030"));
                throw new IllegalArgumentException(file.getFileName() + ": not valid " + declared.name()
                        + ", the declared encoding" + (gbk ? "; it reads as GBK/GB18030: declare that, or leave the"
                        + " encoding undeclared to detect it" : ""));
            }
            return new Detected(declared, declared.equals(StandardCharsets.UTF_8) ? bom : 0);
        }
        if (bom > 0 || (scan != null ? scan.utf8() : decodesStrictly(file, StandardCharsets.UTF_8))) {
            return new Detected(StandardCharsets.UTF_8, bom);
        }
        return new Detected(Charset.forName("GB18030"), 0);
    }

    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(BINARY_PROBE_BYTES);
        }
    }

    private static boolean looksBinary(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** Decodes the file in 1 MB blocks with errors reported, so memory stays flat for big files. */
    static boolean decodesStrictly(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 20);
        CharBuffer out = CharBuffer.allocate(1 << 20);
        try (InputStream stream = Files.newInputStream(file)) {
            while (true) {
                int read = stream.read(in.array(), in.position(), in.remaining());
                boolean end = read < 0;
                if (!end) {
                    in.position(in.position() + read);
                }
                in.flip();
                var result = decoder.decode(in, out, end);
                if (result.isError()) {
                    return false;
                }
                out.clear();
                in.compact();
                if (end) {
                    return !decoder.flush(out).isError();
                }
            }
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
