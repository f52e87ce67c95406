package org.disassociate.clevertap.durability;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Where a spool file's numbers came from, kept in the first part of its name so that the error records of numbers
 * refused after the spool name the same source as those refused before it: the intake ({@code rest-…}, {@code jms-…}),
 * or, when a message named a source of its own (the kamelet's {@code CleverTapSource} header), the intake and that
 * source's UTF-8 bytes in hexadecimal ({@code kamelet.6573623a6f7264657273-…}), so that no character of it can end up
 * in a file name. Of a long source, the first {@value #MOST_BYTES} bytes are kept: a file name has 255 at most.
 */
final class SpoolSource {

    static final int MOST_BYTES = 96;
    private static final HexFormat HEX = HexFormat.of();

    private SpoolSource() {}

    /** The first part of the name of a spool file that holds numbers of {@code intake} from {@code source}. */
    static String label(String intake, String source) {
        if (source == null || source.isEmpty() || source.equals(intake)) {
            return intake;
        }
        byte[] utf8 = source.getBytes(StandardCharsets.UTF_8);
        int end = Math.min(utf8.length, MOST_BYTES);
        // cut before a character, never inside one: a UTF-8 continuation byte is 10xxxxxx
        while (end < utf8.length && end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--;
        }
        return intake + "." + HEX.formatHex(utf8, 0, end);
    }

    /** The source of the numbers of the spool file {@code fileName} ({@code <label>-<run>-<sequence>.txt}). */
    static String of(String fileName) {
        int dash = fileName == null ? -1 : fileName.indexOf('-');
        if (dash <= 0) {
            return "spool";
        }
        String label = fileName.substring(0, dash);
        int dot = label.indexOf('.');
        if (dot < 0) {
            return label;
        }
        try {
            return new String(HEX.parseHex(label.substring(dot + 1)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return label.substring(0, dot);
        }
    }
}
