package dev.tern.accel.rtl;

import dev.tern.accel.Base3Codec;
import dev.tern.hdl.Component;
import dev.tern.hdl.Input;
import dev.tern.hdl.Output;
import dev.tern.hdl.Signal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Unpacks the first {@code count} of the five 2-bit weight codes in a base-3 byte ({@link Base3Codec}):
 * {@code q} starts as the byte and is tripled modulo 256 for each next code, and code {@code n} is the
 * top two bits of the 10-bit {@code 3 * q}. Tripling is {@code q + (q << 1)}: adders, no multiplier.
 */
public final class Base3Decoder extends Component {
    public final Input byteIn = input("byte_in", uint(8));
    public final List<Output> codes;

    public Base3Decoder(int count) {
        if (count < 1 || count > Base3Codec.TRITS_PER_BYTE) {
            throw new IllegalArgumentException("a base-3 byte holds 1.." + Base3Codec.TRITS_PER_BYTE + " codes, asked for " + count);
        }
        parameter("codes", count);
        List<Output> outs = new ArrayList<>();
        Signal q = byteIn;
        for (int n = 0; n < count; n++) {
            if (n > 0) {
                q = triple(q).trunc(8);
            }
            Output code = output("code" + n, uint(2));
            code.set(triple(q).bits(9, 8));
            outs.add(code);
        }
        codes = Collections.unmodifiableList(outs);
    }

    private static Signal triple(Signal byteValue) {
        Signal wide = byteValue.zext(10);
        return wide.add(wide.shl(1));
    }
}
