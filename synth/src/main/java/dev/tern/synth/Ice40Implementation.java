package dev.tern.synth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The outcome of placing and routing on an iCE40.
 *
 * @param harnessPins  the pins the design was placed through (see {@link PinHarness})
 * @param needs        what the synthesised netlist (harness included) needs of the device
 * @param failure      why it did not fit, when it did not: the resources it lacks or nextpnr's error
 * @param fmaxMhz      the achieved maximum clock frequency from nextpnr's timing report
 * @param utilisation  nextpnr's utilisation per resource (absent when it did not place)
 * @param bitstream    the icepack binary, when the design fits
 */
public record Ice40Implementation(Ice40Device device, String packageName, double targetMhz, int harnessPins,
                                  List<Ice40Need> needs, Optional<String> failure, OptionalDouble fmaxMhz,
                                  Map<String, Usage> utilisation, Optional<Path> bitstream) {

    /** Cells of one nextpnr resource type used and available. */
    public record Usage(long used, long available) {
    }

    public Ice40Implementation {
        needs = List.copyOf(needs);
        utilisation = Map.copyOf(utilisation);
    }

    public boolean fits() {
        return failure.isEmpty();
    }
}
