package dev.tern.testbench;

import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.hdl.ir.Design;
import dev.tern.sim.CycleSimulation;
import dev.tern.sim.Port;
import dev.tern.sim.SimulationException;
import dev.tern.sim.Simulator;
import dev.tern.verilog.ToolRequirement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerilatorCycleSimulationTest {
    private static Design elaborate(String nameAndParameters) {
        List<String> words = Arrays.asList(nameAndParameters.split(" "));
        return DesignCatalog.examples().elaborate(words.get(0), words.subList(1, words.size()));
    }

    /**
     * Random pokes, peeks between them (combinational outputs must see the pokes of the same cycle), runs of
     * steps without peeks (queued on the Verilator side) and resets: every peek agrees with the Java simulator.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fifo depth=4 width=100", "alu width=65", "counter width=8"})
    void pokesPeeksAndStepsAgreeWithTheJavaSimulator(String nameAndParameters) {
        ToolRequirement.require("verilator");
        Design design = elaborate(nameAndParameters);
        Random random = new Random(nameAndParameters.hashCode());
        try (Simulator java = Simulator.compile(design); CycleSimulation verilator = VerilatorCycleSimulation.start(design)) {
            List<Port> inputs = java.inputs().stream().filter(p -> !p.name().equals("rst")).toList();
            List<Port> outputs = java.outputs();
            java.reset();
            verilator.reset();
            int peeks = 0;
            for (int action = 0; action < 3000; action++) {
                int kind = random.nextInt(10);
                if (kind < 4) {
                    Port port = inputs.get(random.nextInt(inputs.size()));
                    BigInteger value = new BigInteger(port.width(), random);
                    java.pokeBig(port.name(), value);
                    verilator.pokeBig(port.name(), value);
                } else if (kind < 7) {
                    for (Port port : outputs) {
                        assertEquals(java.peekBig(port.name()), verilator.peekBig(port.name()),
                                port.name() + " at cycle " + java.cycle() + " after action " + action);
                        peeks++;
                    }
                } else if (kind < 9) {
                    int steps = 1 + random.nextInt(random.nextBoolean() ? 2 : 40);
                    for (int s = 0; s < steps; s++) {
                        java.step();
                        verilator.step();
                    }
                } else if (random.nextInt(20) == 0) {
                    java.reset();
                    verilator.reset();
                }
            }
            assertEquals(java.cycle(), verilator.cycle());
            assertTrue(peeks > 100, "the run compared " + peeks + " values");
        }
    }

    @Test
    void narrowPeeksReadSignedAndUnsignedPortsAsTheJavaSimulatorDoes() {
        ToolRequirement.require("verilator");
        Design design = elaborate("alu width=8");
        try (Simulator java = Simulator.compile(design); CycleSimulation verilator = VerilatorCycleSimulation.start(design)) {
            for (CycleSimulation sim : List.of(java, verilator)) {
                sim.poke("a", 0x7F);
                sim.poke("b", 0x03);
                sim.poke("op", 0);
            }
            for (Port port : java.outputs()) {
                if (port.width() <= 64) {
                    assertEquals(java.peek(port.name()), verilator.peek(port.name()), port.name());
                }
            }
            assertEquals(0x7F, verilator.peek("a"), "an input reads back as poked");
        }
    }

    @Test
    void badPortsAndValuesGetTheJavaSimulatorsErrors() {
        ToolRequirement.require("verilator");
        try (CycleSimulation verilator = VerilatorCycleSimulation.start(elaborate("counter width=8"))) {
            SimulationException unknown = assertThrows(SimulationException.class, () -> verilator.poke("enabel", 1));
            assertTrue(unknown.getMessage().contains("enable"), unknown.getMessage());
            SimulationException output = assertThrows(SimulationException.class, () -> verilator.poke("count", 1));
            assertTrue(output.getMessage().contains("is an output"), output.getMessage());
            SimulationException tooWide = assertThrows(SimulationException.class, () -> verilator.poke("enable", 2));
            assertTrue(tooWide.getMessage().contains("does not fit port enable"), tooWide.getMessage());
            SimulationException missing = assertThrows(SimulationException.class, () -> verilator.peek("counter_reg"));
            assertTrue(missing.getMessage().contains("reads ports only"), missing.getMessage());
        }
    }
}
