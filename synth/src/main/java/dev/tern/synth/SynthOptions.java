package dev.tern.synth;

/**
 * What to synthesise for.
 *
 * @param device      the iCE40 part (read only for {@link SynthTarget#ICE40})
 * @param packageName the iCE40 package, or null for the device's default
 * @param targetMhz   the clock nextpnr's timing-driven placement aims for; the achieved Fmax is reported either way
 */
public record SynthOptions(SynthTarget target, Ice40Device device, String packageName, double targetMhz) {
    public static final double DEFAULT_TARGET_MHZ = 100;

    public SynthOptions {
        if (!(targetMhz > 0) || Double.isInfinite(targetMhz)) {
            throw new SynthException("target clock must be a positive number of MHz, got " + targetMhz);
        }
        if (packageName == null) {
            packageName = device.defaultPackage();
        }
    }

    public static SynthOptions of(SynthTarget target) {
        return new SynthOptions(target, Ice40Device.UP5K, null, DEFAULT_TARGET_MHZ);
    }
}
