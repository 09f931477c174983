package dev.tern.synth;

import dev.tern.verilog.tools.ExternalTool;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One Yosys run: read the Verilog, {@code hierarchy -check}, {@code proc}, the target's synthesis
 * command, then, when asked, the netlist as JSON for place and route, and the cell statistics as JSON
 * ({@code stat -json}).
 */
public final class YosysSynthesis {
    public static final String STATISTICS_FILE = "yosys-stat.json";
    public static final String NETLIST_FILE = "netlist.json";
    public static final String LOG_FILE = "yosys.log";
    private static final long TIMEOUT_SECONDS = 4 * 3600;

    /**
     * @param statistics the cells of every module
     * @param netlist    the synthesised netlist, when it was asked for
     */
    public record Result(YosysStatistics statistics, Optional<Path> netlist) {
    }

    private YosysSynthesis() {
    }

    /**
     * Synthesises the files (paths relative to {@code workDir}) with {@code top} as the top module;
     * the statistics, the log and the netlist are written into {@code workDir}.
     *
     * @throws SynthException naming Yosys' first error when it fails
     * @throws dev.tern.verilog.tools.ToolMissingException when Yosys is not installed
     */
    public static Result run(Path workDir, List<Path> files, String top, SynthTarget target, boolean writeNetlist)
            throws IOException {
        StringBuilder script = new StringBuilder();
        for (Path file : files) {
            script.append("read_verilog ").append(file).append("; ");
        }
        script.append("hierarchy -check -top ").append(top).append("; proc; ")
                .append(target.yosysCommand()).append(" -top ").append(top).append("; ");
        if (writeNetlist) {
            script.append("write_json ").append(NETLIST_FILE).append("; ");
        }
        // With a top module marked, Yosys 0.23 prints the hierarchy as text inside stat's JSON; unmarked, it does not.
        script.append("setattr -mod -unset top; tee -q -o ").append(STATISTICS_FILE).append(" stat -json");
        ExternalTool.Result run = ExternalTool.run(workDir, TIMEOUT_SECONDS, List.of("yosys", "-q", "-p", script.toString()));
        Path log = ToolLog.save(run, workDir.resolve(LOG_FILE));
        if (!run.succeeded()) {
            throw new SynthException(top + ": yosys " + target.yosysCommand() + " failed: " + ToolLog.firstError(run)
                    + " (log: " + log + ")");
        }
        return new Result(YosysStatistics.read(workDir.resolve(STATISTICS_FILE), target),
                writeNetlist ? Optional.of(workDir.resolve(NETLIST_FILE)) : Optional.empty());
    }

    /** The first line of {@code yosys -V}, e.g. {@code Yosys 0.23 (git sha1 7ce5011c24b)}. */
    public static String version() throws IOException {
        ExternalTool.Result run = ExternalTool.run(Path.of("."), 60, List.of("yosys", "-V"));
        return run.output().strip().lines().findFirst().orElse("yosys (unknown version)");
    }
}
