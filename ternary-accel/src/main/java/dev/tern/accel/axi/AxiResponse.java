package dev.tern.accel.axi;

/** The AXI response codes on BRESP and RRESP. {@link TernaryMatmulAxi} answers {@link #OKAY} or {@link #SLVERR}. */
public enum AxiResponse {
    OKAY,
    EXOKAY,
    SLVERR,
    DECERR;

    /** The two-bit code on the bus. */
    public int code() {
        return ordinal();
    }

    public static AxiResponse of(long code) {
        return values()[(int) (code & 3)];
    }
}
