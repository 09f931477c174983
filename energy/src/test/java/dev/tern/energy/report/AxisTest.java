package dev.tern.energy.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AxisTest {

    @Test
    void linearAxisEndsOnARoundNumberAboveTheMaximum() {
        Axis axis = Axis.linearFromZero(833.9);
        assertEquals(List.of(0.0, 200.0, 400.0, 600.0, 800.0, 1000.0), axis.ticks());
        assertEquals(0.5, axis.fraction(500), 1e-12);
    }

    @Test
    void logAxisCoversWholeDecadesWithOneTwoFiveTicks() {
        Axis axis = Axis.logarithmic(1.9, 71.4);
        assertEquals(List.of(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0), axis.ticks());
        assertEquals(0.5, axis.fraction(10), 1e-12);
    }
}
