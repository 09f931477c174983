package dev.tern.cli;

import dev.tern.hdl.ir.Design;
import dev.tern.synth.Ice40Device;
import dev.tern.synth.SynthOptions;
import dev.tern.synth.SynthReports;
import dev.tern.synth.SynthResult;
import dev.tern.synth.SynthTarget;
import dev.tern.synth.Synthesizer;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.nio.file.Path;

final class SynthCommand implements CliCommand {
    @Override
    public String name() {
        return "synth";
    }

    @Override
    public String summary() {
        return "synthesise a design with Yosys (cells per module); on iCE40 also place, route, Fmax and bitstream";
    }

    @Override
    public String synopsis() {
        return "<design> [--param k=v]... --target xilinx|ice40|generic [--device up5k|hx8k] [--package P]"
                + " [--freq MHz] [--json out.json] [--out DIR]";
    }

    @Override
    public Options options() {
        Options options = new Options();
        DesignOptions.addTo(options);
        options.addOption(Option.builder("t").longOpt("target").hasArg().argName("xilinx|ice40|generic")
                .desc("Yosys flow: synth_xilinx, synth_ice40 (then nextpnr-ice40 and icepack) or generic synth (required)").build());
        options.addOption(Option.builder().longOpt("device").hasArg().argName("up5k|hx8k")
                .desc("iCE40 part (default up5k)").build());
        options.addOption(Option.builder().longOpt("package").hasArg().argName("P")
                .desc("iCE40 package (default sg48 for up5k, ct256 for hx8k)").build());
        options.addOption(Option.builder().longOpt("freq").hasArg().argName("MHz")
                .desc("clock nextpnr aims for (default " + (int) SynthOptions.DEFAULT_TARGET_MHZ + ")").build());
        options.addOption(Option.builder().longOpt("json").hasArg().argName("FILE").desc("write the results as JSON").build());
        options.addOption(Option.builder("o").longOpt("out").hasArg().argName("DIR")
                .desc("where the Verilog, logs, netlist and bitstream go (default out/synth/<top>-<target>)").build());
        return options;
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws IOException {
        SynthTarget target = SynthTarget.parse(OptionValues.required(line, "target", "xilinx|ice40|generic"));
        if (target != SynthTarget.ICE40 && (line.hasOption("device") || line.hasOption("package"))) {
            throw new UsageException("--device and --package are for --target ice40");
        }
        SynthOptions options = new SynthOptions(target, Ice40Device.parse(line.getOptionValue("device", "up5k")),
                line.getOptionValue("package"), OptionValues.number(line, "freq", SynthOptions.DEFAULT_TARGET_MHZ));
        Design design = DesignOptions.elaborate(line);
        Path workDir = Path.of(line.getOptionValue("out", Path.of("out", "synth", design.name() + "-" + target.id()).toString()));
        terminal.progress("synthesising " + design.name() + " with Yosys " + target.yosysCommand()
                + (target == SynthTarget.ICE40 ? ", then nextpnr-ice40 and icepack" : "") + "…");
        SynthResult result = Synthesizer.run(design, options, workDir);
        terminal.endProgress();
        terminal.out().print(SynthReports.text(result));
        terminal.out().flush();
        if (line.hasOption("json")) {
            Path json = Path.of(line.getOptionValue("json"));
            OutputFiles.write(json, () -> {
                SynthReports.writeJson(result, json);
                return json;
            });
            terminal.err().println("wrote " + json);
        }
        return result.ice40().map(ice40 -> ice40.fits() ? Tern.OK : Tern.FAILED).orElse(Tern.OK);
    }
}
