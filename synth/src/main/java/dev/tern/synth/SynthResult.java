package dev.tern.synth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@link Synthesizer#run} found out about one design.
 *
 * @param parameters the generator's parameters of the top module
 * @param verilog    the emitted files the tools read
 * @param area       the design's cells per module and in total (the pin harness excluded)
 * @param ice40      place and route, for {@link SynthTarget#ICE40}
 * @param workDir    where the Verilog, logs, netlist, reports and bitstream are
 */
public record SynthResult(String top, Map<String, String> parameters, List<Path> verilog, AreaReport area,
                          Optional<Ice40Implementation> ice40, Path workDir) {
    public SynthResult {
        parameters = Map.copyOf(parameters);
        verilog = List.copyOf(verilog);
    }
}
