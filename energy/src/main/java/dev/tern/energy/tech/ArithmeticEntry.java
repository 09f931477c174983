package dev.tern.energy.tech;

import dev.tern.energy.count.OpType;

/** Energy of one arithmetic operation, in picojoules. */
public record ArithmeticEntry(OpType op, double picojoules, Provenance provenance) {
}
