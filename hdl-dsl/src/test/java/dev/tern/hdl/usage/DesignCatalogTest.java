package dev.tern.hdl.usage;

import dev.tern.hdl.Component;
import dev.tern.hdl.catalog.DesignCatalog;
import dev.tern.hdl.catalog.DesignGenerator;
import dev.tern.hdl.catalog.DesignParameters;
import dev.tern.hdl.catalog.ParameterException;
import dev.tern.hdl.catalog.ParameterSpec;
import dev.tern.hdl.ir.Design;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding designs by name and parsing {@code name=value} parameters, with one-line errors. */
class DesignCatalogTest {
    private final DesignCatalog catalog = DesignCatalog.examples();

    private static String failure(Runnable action) {
        ParameterException e = assertThrows(ParameterException.class, action::run);
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void examplesAreListedInOrderWithDescriptionsAndDefaults() {
        assertEquals(List.of("counter", "fifo", "alu", "adder-tree"), catalog.all().stream().map(DesignGenerator::name).toList());
        for (DesignGenerator generator : catalog.all()) {
            assertFalse(generator.description().isBlank());
            assertFalse(generator.description().contains("\n"));
            assertFalse(generator.parameters().isEmpty(), generator.name());
        }
        assertEquals(List.of("depth", "width"), catalog.find("fifo").parameters().stream().map(ParameterSpec::name).toList());
        assertEquals(List.of("inputs", "width", "stages"),
                catalog.find("adder-tree").parameters().stream().map(ParameterSpec::name).toList());
    }

    @Test
    void unknownDesignListsTheKnownOnes() {
        assertEquals("unknown design 'fif'; known designs: counter, fifo, alu, adder-tree", failure(() -> catalog.find("fif")));
    }

    @Test
    void defaultsFillWhatIsNotGiven() {
        DesignParameters p = DesignParameters.parse(catalog.find("fifo"), List.of("width=32"));
        assertEquals(Map.of("depth", "16", "width", "32"), p.asMap());
        assertEquals(List.of("depth", "width"), List.copyOf(p.asMap().keySet()));
        assertEquals(16, p.getInt("depth"));
        assertEquals("32", p.get("width"));
        assertEquals("depth=16 width=32", p.toString());
    }

    @Test
    void malformedAssignment() {
        assertEquals("fifo: 'depth16' is not of the form name=value",
                failure(() -> DesignParameters.parse(catalog.find("fifo"), List.of("depth16"))));
        assertEquals("fifo: '=16' has no parameter name before '='",
                failure(() -> DesignParameters.parse(catalog.find("fifo"), List.of("=16"))));
        assertEquals("fifo: parameter depth has no value after '='",
                failure(() -> DesignParameters.parse(catalog.find("fifo"), List.of("depth="))));
    }

    @Test
    void unknownParameterListsTheValidOnes() {
        assertEquals("fifo: unknown parameter 'dept'; valid parameters: depth, width",
                failure(() -> DesignParameters.parse(catalog.find("fifo"), List.of("dept=16"))));
    }

    @Test
    void parameterGivenTwice() {
        assertEquals("fifo: parameter depth is given twice",
                failure(() -> DesignParameters.parse(catalog.find("fifo"), List.of("depth=16", "width=8", "depth=32"))));
    }

    @Test
    void nonIntegerValue() {
        assertEquals("fifo: parameter depth must be an integer, got 'sixteen'",
                failure(() -> catalog.elaborate("fifo", List.of("depth=sixteen"))));
        assertEquals("counter: parameter width must be an integer, got '99999999999'",
                failure(() -> catalog.elaborate("counter", List.of("width=99999999999"))));
    }

    @Test
    void outOfRangeValuesSayTheRange() {
        assertEquals("fifo: depth must be a power of two from 2 to 65536, got 12",
                failure(() -> catalog.elaborate("fifo", List.of("depth=12"))));
        assertEquals("fifo: depth must be a power of two from 2 to 65536, got 1",
                failure(() -> catalog.elaborate("fifo", List.of("depth=1"))));
        assertEquals("fifo: width must be from 1 to 1024, got 0",
                failure(() -> catalog.elaborate("fifo", List.of("width=0"))));
        assertEquals("counter: width must be from 1 to 1024, got -3",
                failure(() -> catalog.elaborate("counter", List.of("width=-3"))));
        assertEquals("alu: width must be from 1 to 1024, got 2000",
                failure(() -> catalog.elaborate("alu", List.of("width=2000"))));
        assertEquals("adder-tree: inputs must be a power of two from 2 to 4096, got 6",
                failure(() -> catalog.elaborate("adder-tree", List.of("inputs=6"))));
        assertEquals("adder-tree: stages (levels per pipeline stage) must be from 1 to 3, got 4",
                failure(() -> catalog.elaborate("adder-tree", List.of("inputs=8", "stages=4"))));
    }

    @Test
    void elaborateUsesTheAssignments() {
        Design design = catalog.elaborate("fifo", List.of("depth=32", "width=12"));
        assertEquals("Fifo_depth32_width12", design.name());
        assertEquals(Map.of("depth", "32", "width", "12"), design.top().parameters());
    }

    /** A generator outside the examples, as another module would add one. */
    private static final class Fixed implements DesignGenerator {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public String description() {
            return "a constant";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(new ParameterSpec("value", "5", "the constant"));
        }

        @Override
        public Component create(DesignParameters parameters) {
            int value = parameters.getInt("value");
            return new Component() {{
                output("y", uint(8)).set(value);
            }};
        }
    }

    @Test
    void withAddsGeneratorsAtTheEndAndRejectsDuplicates() {
        DesignCatalog more = catalog.with(new Fixed());
        assertEquals(5, more.all().size());
        assertEquals(4, catalog.all().size(), "the original is unchanged");
        assertSame(more.all().get(4), more.find("fixed"));
        assertEquals("DesignCatalogTest_Fixed_1", more.elaborate("fixed", List.of("value=7")).name());
        assertThrows(IllegalArgumentException.class, () -> more.with(new Fixed()));
    }

    @Test
    void everyDefaultBuildsUnderItsParameterisedName() {
        Map<String, String> expected = Map.of("counter", "Counter_width8", "fifo", "Fifo_depth16_width8",
                "alu", "Alu_width32", "adder-tree", "AdderTree_inputs8_width8_stages1");
        for (DesignGenerator generator : catalog.all()) {
            assertEquals(expected.get(generator.name()), catalog.elaborate(generator.name(), List.of()).name());
        }
    }
}
