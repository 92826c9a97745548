package io.salesops.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One pass over a whole file for the two facts planning needs from all of it: its SHA-256 (the
 * file registry's key) and whether it decodes strictly as UTF-8 (encoding detection). Reading a
 * large export once instead of twice is a measurable part of ingest time.
 *
 * @param utf8 true when every byte sequence is valid UTF-8
 */
public record FileScan(String sha256, boolean utf8) {

    public static FileScan of(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 20);
        CharBuffer out = CharBuffer.allocate(1 << 20);
        boolean utf8 = true;
        try (InputStream stream = Files.newInputStream(file)) {
            while (true) {
                int read = stream.read(in.array(), in.position(), in.remaining());
                boolean end = read < 0;
                if (!end) {
                    digest.update(in.array(), in.position(), read);
                    in.position(in.position() + read);
                }
                in.flip();
                if (utf8 && decoder.decode(in, out, end).isError()) {
                    utf8 = false;
                }
                out.clear();
                if (utf8) {
                    in.compact();
                } else {
                    in.clear(); // only the hash is still needed
                }
                if (end) {
                    utf8 = utf8 && !decoder.flush(out).isError();
                    return new FileScan(HexFormat.of().formatHex(digest.digest()), utf8);
                }
            }
        }
    }
}
