package org.encore.data;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvByteWriterTest {
    private static String written(CsvWrite body) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        CsvByteWriter w = new CsvByteWriter(sink, 64);
        body.run(w);
        w.flush();
        return sink.toString(StandardCharsets.UTF_8);
    }

    private interface CsvWrite {
        void run(CsvByteWriter w) throws IOException;
    }

    @Test
    void numbersAreWrittenInDecimalAcrossIntAndLongRanges() throws IOException {
        long[] values = {0, 7, 9, 10, 99, 100, 101, 999_999, 1_697_068_800L, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L,
                12_345_678_901_234L, Long.MAX_VALUE};
        for (long v : values) {
            assertEquals(Long.toString(v), written(w -> w.writeLong(v)));
        }
        assertThrows(IllegalArgumentException.class, () -> written(w -> w.writeLong(-1)));
    }

    @Test
    void manyNumbersAcrossBufferBoundariesStayInOrder() throws IOException {
        StringBuilder expected = new StringBuilder();
        for (long v = 1; v < 1_000_000_000_000L; v = v * 7 + 3) {
            expected.append(v).append('\n');
        }
        assertEquals(expected.toString(), written(w -> {
            for (long v = 1; v < 1_000_000_000_000L; v = v * 7 + 3) {
                w.writeLong(v);
                w.writeByte('\n');
            }
        }));
    }

    @Test
    void fieldsAreQuotedOnlyWhenNeededWithDoubledQuotes() throws IOException {
        assertEquals("Plain Title (1999)", written(w -> w.writeField("Plain Title (1999)")));
        assertEquals("\"Harbor, The (1987)\"", written(w -> w.writeField("Harbor, The (1987)")));
        assertEquals("\"The \"\"Lucky\"\" One\"", written(w -> w.writeField("The \"Lucky\" One")));
        assertEquals("Café Noël", written(w -> w.writeField("Café Noël")));
    }

    @Test
    void bytesLargerThanTheBufferPassStraightThrough() throws IOException {
        String longText = "x".repeat(200);
        assertEquals("ab" + longText, written(w -> {
            w.writeAscii("ab");
            w.writeAscii(longText);
        }));
    }
}
