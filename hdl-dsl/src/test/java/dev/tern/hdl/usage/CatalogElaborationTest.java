package dev.tern.hdl.usage;

import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.hdl.ir.Design;
import dev.tern.hdl.ir.Instance;
import dev.tern.hdl.ir.ModuleDef;
import dev.tern.hdl.ir.Net;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every catalog design elaborates at several parameter sets, with the structure and names it promises. */
class CatalogElaborationTest {
    private final DesignCatalog catalog = DesignCatalog.examples();

    private Design build(String design, String assignments) {
        return catalog.elaborate(design, assignments.isBlank() ? List.of() : Arrays.asList(assignments.split(" ")));
    }

    private static Set<String> portNames(ModuleDef module) {
        return module.ports().stream().map(Net.Port::name).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @CsvSource({"width=1, Counter_width1", "width=8, Counter_width8", "width=64, Counter_width64", "width=1024, Counter_width1024"})
    void counter(String assignments, String name) {
        ModuleDef top = build("counter", assignments).top();
        assertEquals(name, top.name());
        assertEquals(Set.of("enable", "clear", "count", "wrap"), portNames(top));
        assertEquals(1, top.registers().size());
        assertTrue(top.usesReset());
    }

    @ParameterizedTest
    @CsvSource({"depth=2 width=1, 2, 1", "depth=16 width=8, 16, 8", "depth=1024 width=36, 1024, 36", "depth=65536 width=1, 65536, 1"})
    void fifoKeepsItsWordsInOneMemory(String assignments, int depth, int width) {
        ModuleDef top = build("fifo", assignments).top();
        assertEquals("Fifo_depth" + depth + "_width" + width, top.name());
        assertEquals(Set.of("in_valid", "in_data", "in_ready", "out_valid", "out_data", "out_ready", "full", "empty", "count"),
                portNames(top));
        assertEquals(1, top.memories().size());
        assertEquals(depth, top.memories().get(0).depth());
        assertEquals(width, top.memories().get(0).dataType().width());
        assertEquals(1, top.memoryWrites().size());
        assertEquals(1, top.memoryReads().size());
        assertEquals(Integer.numberOfTrailingZeros(depth) + 1, top.port("count").type().width());
    }

    @ParameterizedTest
    @CsvSource({"width=1", "width=8", "width=32", "width=64", "width=129"})
    void alu(String assignments) {
        ModuleDef top = build("alu", assignments).top();
        int width = Integer.parseInt(assignments.substring("width=".length()));
        assertEquals("Alu_width" + width, top.name());
        assertEquals(width, top.port("result").type().width());
        assertEquals(4, top.port("op").type().width());
    }

    @ParameterizedTest
    @CsvSource({
            "inputs=2 width=1 stages=1, 2, 1, 1",
            "inputs=8 width=8 stages=1, 8, 8, 3",
            "inputs=8 width=8 stages=2, 8, 8, 2",
            "inputs=8 width=8 stages=3, 8, 8, 1",
            "inputs=64 width=16 stages=2, 64, 16, 3",
            "inputs=1024 width=4 stages=5, 1024, 4, 2"})
    void adderTreeHasOneLevelModuleEachWithItsAdders(String assignments, int inputs, int width, int registeredLevels) {
        Design design = build("adder-tree", assignments);
        ModuleDef top = design.top();
        int levels = Integer.numberOfTrailingZeros(inputs);
        assertEquals(width + levels, top.port("sum").type().width());
        assertEquals(levels, top.instances().size());
        int registered = 0;
        for (int level = 1; level <= levels; level++) {
            Instance instance = top.instances().get(level - 1);
            assertEquals("level" + level, instance.name());
            ModuleDef levelModule = instance.module();
            assertEquals(inputs >> level, levelModule.instances().size());
            assertEquals(Set.of("PairAdder_width" + (width + level - 1)),
                    levelModule.instances().stream().map(i -> i.module().name()).collect(Collectors.toSet()));
            registered += levelModule.registers().isEmpty() ? 0 : 1;
        }
        assertEquals(registeredLevels, registered);
        // Each level module and each adder width is defined once, however many instances use it.
        assertEquals(1 + 2 * levels, design.modules().size());
    }

    @Test
    void sameParametersShareOneDefinitionAndDifferentOnesGetDistinctReadableNames() {
        Design design = build("adder-tree", "inputs=16 width=8 stages=2");
        List<String> names = design.modules().stream().map(ModuleDef::name).toList();
        assertEquals(List.of(
                "PairAdder_width8", "AdderTreeLevel_operands16_width8_registered0",
                "PairAdder_width9", "AdderTreeLevel_operands8_width9_registered1",
                "PairAdder_width10", "AdderTreeLevel_operands4_width10_registered0",
                "PairAdder_width11", "AdderTreeLevel_operands2_width11_registered1",
                "AdderTree_inputs16_width8_stages2"), names);
        ModuleDef firstLevel = design.top().instances().get(0).module();
        assertEquals(8, firstLevel.instances().size());
        ModuleDef adder = firstLevel.instances().get(0).module();
        assertTrue(firstLevel.instances().stream().allMatch(i -> i.module() == adder), "one shared definition object");
    }

    @Test
    void definitionsRecordTheirGeneratorParametersAndSourceFile() {
        ModuleDef top = build("fifo", "depth=8 width=4").top();
        assertEquals("dev.tern.hdl.catalog.Fifo", top.generator());
        assertEquals(List.of("depth", "width"), List.copyOf(top.parameters().keySet()));
        assertEquals("Fifo.java", top.location().file());
        assertTrue(top.location().line() > 0);
        assertEquals("Fifo.java", top.port("in_valid").location().file());
    }
}
