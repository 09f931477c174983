package dev.tern.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.verilog.tools.ExternalTool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * nextpnr-ice40 on a synthesised netlist, its JSON report ({@code --report}) for Fmax and
 * utilisation, and icepack for the bitstream. A netlist that needs more than the device has is
 * reported without running nextpnr.
 */
public final class Ice40PlaceAndRoute {
    public static final String REPORT_FILE = "nextpnr-report.json";
    public static final String ASC_FILE = "bitstream.asc";
    public static final String BITSTREAM_FILE = "bitstream.bin";
    public static final String LOG_FILE = "nextpnr.log";
    private static final long TIMEOUT_SECONDS = 4 * 3600;

    private Ice40PlaceAndRoute() {
    }

    /**
     * Places, routes and packs {@code netlist} (written by Yosys {@code synth_ice40}) into {@code workDir}.
     *
     * @param cells the netlist's cells, for the fit check
     * @throws SynthException when nextpnr fails for another reason than the design not fitting (e.g. a package the device does not have)
     */
    public static Ice40Implementation run(Path workDir, Path netlist, ResourceCounts cells, Ice40Device device,
                                          String packageName, double targetMhz, int harnessPins) throws IOException {
        List<Ice40Need> needs = Ice40Need.of(cells, device);
        List<String> lacking = needs.stream().filter(n -> !n.fits()).map(Ice40Need::toString).toList();
        if (!lacking.isEmpty()) {
            return new Ice40Implementation(device, packageName, targetMhz, harnessPins, needs,
                    Optional.of("does not fit the " + device.id() + ": needs " + String.join(", ", lacking)),
                    OptionalDouble.empty(), Map.of(), Optional.empty());
        }
        Path report = workDir.resolve(REPORT_FILE);
        Path asc = workDir.resolve(ASC_FILE);
        Files.deleteIfExists(report);
        List<String> command = new ArrayList<>(List.of("nextpnr-ice40", device.nextpnrOption(), "--package", packageName,
                "--json", netlist.toString(), "--report", report.toString(), "--asc", asc.toString(),
                "--freq", Double.toString(targetMhz), "--timing-allow-fail", "--seed", "1", "-q"));
        ExternalTool.Result run = ExternalTool.run(workDir, TIMEOUT_SECONDS, command);
        Path log = ToolLog.save(run, workDir.resolve(LOG_FILE));
        if (!run.succeeded()) {
            String error = ToolLog.firstError(run);
            if (isCapacityError(error)) {
                return new Ice40Implementation(device, packageName, targetMhz, harnessPins, needs,
                        Optional.of("does not fit the " + device.id() + " (" + error + "); needs "
                                + needs.stream().map(Ice40Need::toString).collect(Collectors.joining(", "))),
                        OptionalDouble.empty(), Map.of(), Optional.empty());
            }
            throw new SynthException("nextpnr-ice40 failed on " + netlist + ": " + error + " (log: " + log + ")");
        }
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        Map<String, Ice40Implementation.Usage> utilisation = new TreeMap<>();
        json.path("utilization").fields().forEachRemaining(e -> utilisation.put(e.getKey(),
                new Ice40Implementation.Usage(e.getValue().path("used").asLong(), e.getValue().path("available").asLong())));
        OptionalDouble fmax = OptionalDouble.empty();
        for (JsonNode clock : json.path("fmax")) {
            double achieved = clock.path("achieved").asDouble();
            fmax = OptionalDouble.of(fmax.isPresent() ? Math.min(fmax.getAsDouble(), achieved) : achieved);
        }
        Path bitstream = workDir.resolve(BITSTREAM_FILE);
        ExternalTool.Result pack = ExternalTool.run(workDir, TIMEOUT_SECONDS, List.of("icepack", asc.toString(), bitstream.toString()));
        if (!pack.succeeded()) {
            throw new SynthException("icepack failed on " + asc + ": " + ToolLog.firstError(pack));
        }
        return new Ice40Implementation(device, packageName, targetMhz, harnessPins, needs, Optional.empty(), fmax,
                utilisation, Optional.of(bitstream));
    }

    /** nextpnr's words for running out of cells of a type or of routing. */
    private static boolean isCapacityError(String error) {
        return error.contains("Unable to place") || error.contains("no BELs remaining") || error.contains("failed to route")
                || error.contains("Failed to route");
    }
}
