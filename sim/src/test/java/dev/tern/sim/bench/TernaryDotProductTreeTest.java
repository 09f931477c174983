package dev.tern.sim.bench;

import dev.tern.hdl.ir.Design;
import dev.tern.sim.Port;
import dev.tern.sim.Simulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TernaryDotProductTreeTest {
    @ParameterizedTest
    @CsvSource({"interpreter, 16", "compiled, 16", "compiled, 64", "compiled, 256"})
    void sumIsTheTernaryDotProductOfTheInputsLatencyCyclesEarlier(String engine, int lanes) {
        Design design = TernaryDotProductTree.design(lanes);
        int latency = Integer.numberOfTrailingZeros(lanes) + 1;
        Simulator sim = engine.equals("compiled") ? Simulator.compile(design) : Simulator.interpret(design);
        Port activations = sim.port("activations");
        Port weights = sim.port("weights");
        Random random = new Random(5);
        Deque<Long> expected = new ArrayDeque<>();
        Deque<Long> valid = new ArrayDeque<>();
        sim.reset();
        for (int cycle = 0; cycle < 300; cycle++) {
            BigInteger x = new BigInteger(8 * lanes, random);
            BigInteger w = new BigInteger(2 * lanes, random);
            long inValid = random.nextInt(2);
            long dot = 0;
            for (int lane = 0; lane < lanes; lane++) {
                long xi = (byte) x.shiftRight(8 * lane).intValue();
                int code = w.shiftRight(2 * lane).intValue() & 3;
                dot += code == 2 ? xi : code == 0 ? -xi : 0;
            }
            sim.pokeBig(activations, x);
            sim.pokeBig(weights, w);
            sim.poke("in_valid", inValid);
            expected.addLast(dot);
            valid.addLast(inValid);
            if (expected.size() > latency) {
                assertEquals(expected.removeFirst(), sim.peek("sum"), "cycle " + cycle);
                assertEquals(valid.removeFirst(), sim.peek("out_valid"), "cycle " + cycle);
            }
            sim.step();
        }
    }
}
