package dev.tern.accel;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Base3CodecTest {
    @Test
    void everyFiveCodeGroupRoundTripsThroughADistinctByte() {
        Set<Integer> bytes = new HashSet<>();
        for (int v = 0; v < 243; v++) {
            int[] codes = new int[5];
            int rest = v;
            for (int n = 4; n >= 0; n--) {
                codes[n] = rest % 3;
                rest /= 3;
            }
            int packed = Base3Codec.encode(codes);
            bytes.add(packed);
            int[] decoded = new int[5];
            for (int n = 0; n < 5; n++) {
                decoded[n] = Base3Codec.decode(packed, n);
            }
            assertArrayEquals(codes, decoded, "group " + v + " packed as " + packed);
        }
        assertEquals(243, bytes.size());
    }

    @Test
    void firstCodeIsMostSignificantAsInTq10() {
        // codes 2,0,0,0,0 are v = 162; ceil(162 * 256 / 243) = 171
        assertEquals(171, Base3Codec.encode(new int[] {2, 0, 0, 0, 0}));
        assertEquals(0, Base3Codec.encode(new int[] {0, 0, 0, 0, 0}));
        assertEquals(255, Base3Codec.encode(new int[] {2, 2, 2, 2, 2}));
    }

    @Test
    void unusedCodeCannotBePacked() {
        assertThrows(IllegalArgumentException.class, () -> Base3Codec.encode(new int[] {3, 0, 0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> Base3Codec.encode(new int[] {0, 0, 0, 0}));
    }
}
