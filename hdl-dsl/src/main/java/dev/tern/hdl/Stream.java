package dev.tern.hdl;

import dev.tern.hdl.ir.SourceLocation;

/**
 * A valid/ready stream: a word moves when {@code valid} and {@code ready} are both high at a rising
 * edge. The producer drives valid and data and must keep them stable until ready; the consumer
 * drives ready.
 */
public final class Stream {
    private Stream() {
    }

    /** The consuming end of a stream, as declared by the component that receives it. */
    public record Sink(Component owner, Input valid, Input data, Output ready) {
        /** True in a cycle where a word is accepted. */
        public Signal fire() {
            return valid.and(ready);
        }
    }

    /** The producing end of a stream, as declared by the component that sends it. */
    public record Source(Component owner, Output valid, Output data, Input ready) {
        /** True in a cycle where a word leaves. */
        public Signal fire() {
            return valid.and(ready);
        }
    }

    /**
     * Connects in {@code ctx}: a submodule's source to another submodule's sink, the component's own
     * incoming stream to a submodule's sink, or a submodule's source to the component's outgoing stream.
     */
    static void connect(Component ctx, Source producer, Sink consumer, SourceLocation at) {
        boolean producerIsChild = producer.owner().parent == ctx;
        boolean consumerIsChild = consumer.owner().parent == ctx;
        if (producerIsChild && consumerIsChild) {
            Elaboration.assign(consumer.valid(), producer.valid(), at);
            Elaboration.assign(consumer.data(), producer.data(), at);
            Elaboration.assign(producer.ready(), consumer.ready(), at);
            return;
        }
        throw new HdlException(at, "connect(producer, consumer) joins a submodule's outgoing stream to another's incoming one; "
                + "for this component's own streams use connect(Sink, Sink) or connect(Source, Source)");
    }

    /** Passes this component's incoming stream {@code outer} into a submodule's incoming stream {@code inner}. */
    static void forward(Component ctx, Sink outer, Sink inner, SourceLocation at) {
        if (outer.owner() != ctx || inner.owner().parent != ctx) {
            throw new HdlException(at, "forward(outer, inner) needs this component's incoming stream and a submodule's incoming stream");
        }
        Elaboration.assign(inner.valid(), outer.valid(), at);
        Elaboration.assign(inner.data(), outer.data(), at);
        Elaboration.assign(outer.ready(), inner.ready(), at);
    }

    /** Passes a submodule's outgoing stream {@code inner} out as this component's outgoing stream {@code outer}. */
    static void forward(Component ctx, Source inner, Source outer, SourceLocation at) {
        if (outer.owner() != ctx || inner.owner().parent != ctx) {
            throw new HdlException(at, "forward(inner, outer) needs a submodule's outgoing stream and this component's outgoing stream");
        }
        Elaboration.assign(outer.valid(), inner.valid(), at);
        Elaboration.assign(outer.data(), inner.data(), at);
        Elaboration.assign(inner.ready(), outer.ready(), at);
    }
}
