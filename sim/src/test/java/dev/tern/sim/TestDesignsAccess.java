package dev.tern.sim;

import dev.tern.hdl.Component;

/** Test designs for tests in other packages. */
public final class TestDesignsAccess {
    private TestDesignsAccess() {
    }

    public static Component statefulMix() {
        return new TestDesigns.StatefulMix();
    }

    public static Component laneShapes() {
        return new TestDesigns.LaneShapes();
    }
}
