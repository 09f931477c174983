package dev.tern.sim.ops;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PackedBitsTest {
    @Test
    void storeThenLoadGivesTheLowBitsBackAtEveryWidth() {
        Random random = new Random(11);
        for (int width = 1; width <= 300; width++) {
            for (int trial = 0; trial < 5; trial++) {
                BigInteger value = new BigInteger(width + random.nextInt(70), random);
                long[] words = new long[WideOps.words(width) + 2];
                words[0] = -1;
                words[words.length - 1] = -1;
                PackedBits.store(value, width, words, 1);
                BigInteger low = value.and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
                assertEquals(low, PackedBits.unsigned(words, 1, width), "width " + width + " value " + value);
                assertEquals(-1, words[0], "the word before is untouched");
                assertEquals(-1, words[words.length - 1], "the word after is untouched");
            }
        }
    }
}
