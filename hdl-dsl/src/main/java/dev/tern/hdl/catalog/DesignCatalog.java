package dev.tern.hdl.catalog;

import dev.tern.hdl.Elaborator;
import dev.tern.hdl.ir.Design;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** An ordered set of design generators, each found by its name. Immutable. */
public final class DesignCatalog {
    private final List<DesignGenerator> generators;

    private DesignCatalog(List<DesignGenerator> generators) {
        this.generators = List.copyOf(generators);
    }

    /** The example designs: counter, fifo, alu, adder-tree. */
    public static DesignCatalog examples() {
        return new DesignCatalog(List.of()).with(
                new CounterGenerator(), new FifoGenerator(), new AluGenerator(), new AdderTreeGenerator());
    }

    /** This catalog followed by {@code more}; a name already present is an error. */
    public DesignCatalog with(DesignGenerator... more) {
        List<DesignGenerator> all = new ArrayList<>(generators);
        for (DesignGenerator generator : more) {
            if (generator.name() == null || !generator.name().matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("design name '" + generator.name()
                        + "' must be lower case letters, digits and '-', starting with a letter");
            }
            if (all.stream().anyMatch(g -> g.name().equals(generator.name()))) {
                throw new IllegalArgumentException("the catalog already has a design named " + generator.name());
            }
            all.add(generator);
        }
        return new DesignCatalog(all);
    }

    public List<DesignGenerator> all() {
        return generators;
    }

    /** @throws ParameterException for a name not in the catalog, listing the ones that are */
    public DesignGenerator find(String name) {
        for (DesignGenerator generator : generators) {
            if (generator.name().equals(name)) {
                return generator;
            }
        }
        throw new ParameterException("unknown design '" + name + "'; known designs: "
                + generators.stream().map(DesignGenerator::name).collect(Collectors.joining(", ")));
    }

    /**
     * Builds the named design with {@code name=value} assignments over its defaults.
     *
     * @throws ParameterException            for an unknown design or a bad parameter
     * @throws dev.tern.hdl.HdlException for a mistake in the design itself
     */
    public Design elaborate(String name, List<String> assignments) {
        DesignGenerator generator = find(name);
        DesignParameters parameters = DesignParameters.parse(generator, assignments);
        return Elaborator.elaborate(() -> generator.create(parameters));
    }
}
