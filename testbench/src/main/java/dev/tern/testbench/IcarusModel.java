package dev.tern.testbench;

import dev.tern.verilog.tools.ExternalTool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link BusLayout}'s Verilog compiled by Icarus ({@code iverilog -g2005}) together with a testbench
 * module that speaks a text version of the harness protocol on standard input and output: a line with
 * the cycle count {@code n} (0 ends the run), then {@code n} lines each holding one input bus in hex;
 * the reply is {@code n} lines each holding one output bus in hex. Cached like Verilator models.
 */
public final class IcarusModel {
    static final String BENCH = "tern_icarus_bench";
    private static final long COMPILE_TIMEOUT_SECONDS = 600;

    private final BusLayout layout;
    private final Path compiled;

    private IcarusModel(BusLayout layout, Path compiled) {
        this.layout = layout;
        this.compiled = compiled;
    }

    public static IcarusModel cached(BusLayout layout) {
        String verilog = CosimTopWriter.verilog(layout) + "\n" + bench(layout);
        Path dir = BuildCache.directory("icarus", BuildCache.hash(verilog, version()), work -> compile(layout, verilog, work));
        return new IcarusModel(layout, dir.resolve("model.vvp"));
    }

    private static void compile(BusLayout layout, String verilog, Path work) throws IOException {
        Path source = work.resolve("model.v");
        Files.writeString(source, verilog, StandardCharsets.UTF_8);
        ExternalTool.Result result = ExternalTool.run(work, COMPILE_TIMEOUT_SECONDS,
                List.of("iverilog", "-g2005", "-s", BENCH, "-o", "model.vvp", source.getFileName().toString()));
        if (!result.succeeded()) {
            String firstError = result.output().lines().filter(l -> !l.isBlank()).findFirst().orElse("exit code " + result.exitCode());
            throw new CosimException("iverilog could not compile " + VerilatorModel.describe(layout) + ": " + firstError.strip(),
                    result.output());
        }
    }

    static String bench(BusLayout layout) {
        int in = 64 * layout.inputWords();
        int out = 64 * layout.outputWords();
        return """
                module %1$s;
                    reg clk = 1'b0;
                    reg [%2$d:0] in_bus = %3$d'd0;
                    wire [%4$d:0] out_bus;
                    integer fd, n, i, got;

                    %5$s top (.clk(clk), .in_bus(in_bus), .out_bus(out_bus));

                    initial begin
                        fd = $fopen("/dev/stdin", "r");
                        forever begin
                            got = $fscanf(fd, "%%d", n);
                            if (got != 1) begin
                                $fdisplay(32'h8000_0002, "testbench: input ended without the final zero count");
                                $finish;
                            end
                            if (n == 0) $finish;
                            for (i = 0; i < n; i = i + 1) begin
                                got = $fscanf(fd, "%%h", in_bus);
                                if (got != 1) begin
                                    $fdisplay(32'h8000_0002, "testbench: input ended inside a batch of %%0d cycles", n);
                                    $finish;
                                end
                                #1;
                                $fdisplay(32'h8000_0001, "%%h", out_bus);
                                clk = 1'b1;
                                #1;
                                clk = 1'b0;
                                #1;
                            end
                            $fflush(32'h8000_0001);
                        end
                    end
                endmodule
                """.formatted(BENCH, in - 1, in, out - 1, CosimTopWriter.TOP);
    }

    private static String version;

    /** {@code iverilog -V}'s first line, part of every cache key. */
    static synchronized String version() {
        if (version == null) {
            try {
                version = ExternalTool.run(Path.of("."), 60, List.of("iverilog", "-V")).output().lines().findFirst().orElse("");
            } catch (IOException e) {
                throw new CosimException("iverilog -V failed: " + e.getMessage(), e);
            }
        }
        return version;
    }

    public BusLayout layout() {
        return layout;
    }

    public Path compiled() {
        return compiled;
    }

    public VerilogSimulation start() {
        return new IcarusSimulation(this);
    }
}
