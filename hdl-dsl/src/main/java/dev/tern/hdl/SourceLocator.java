package dev.tern.hdl;

import dev.tern.hdl.ir.SourceLocation;

import java.util.Iterator;
import java.util.Set;

/** Finds the user's line on the call stack: the first frame outside Tern's own DSL and the JDK. */
final class SourceLocator {
    private static final Set<String> INTERNAL_PACKAGES = Set.of("dev.tern.hdl", "dev.tern.hdl.ir");
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /**
     * Where a component's class is written (its constructor) and which line constructed it.
     *
     * @param constructor the component class's own constructor, {@link SourceLocation#UNKNOWN} when not on the stack
     */
    record Construction(SourceLocation constructor, SourceLocation creator) {
    }

    private SourceLocator() {
    }

    static SourceLocation caller() {
        return WALKER.walk(frames -> frames
                .filter(f -> !isInternal(f.getDeclaringClass()))
                .findFirst()
                .map(SourceLocator::location)
                .orElse(SourceLocation.UNKNOWN));
    }

    /**
     * Called while a component of class {@code type} is being constructed. The constructors of the
     * superclasses and of {@code type} itself come first on the stack; the frame after them is the
     * line that said {@code new}. Only that one chain is skipped, so a component constructed inside
     * another component's constructor is attributed to that line, not to whoever built the outer one.
     */
    static Construction construction(Class<?> type) {
        return WALKER.walk(frames -> {
            Iterator<StackWalker.StackFrame> userFrames = frames.filter(f -> !isInternal(f.getDeclaringClass())).iterator();
            StackWalker.StackFrame frame = userFrames.hasNext() ? userFrames.next() : null;
            while (frame != null && isConstructorOf(frame, type) && frame.getDeclaringClass() != type) {
                frame = userFrames.hasNext() ? userFrames.next() : null;
            }
            SourceLocation constructor = SourceLocation.UNKNOWN;
            if (frame != null && isConstructorOf(frame, type)) {
                constructor = location(frame);
                frame = userFrames.hasNext() ? userFrames.next() : null;
            }
            return new Construction(constructor, frame == null ? SourceLocation.UNKNOWN : location(frame));
        });
    }

    /** True for a constructor of {@code type} or of one of its superclasses. */
    private static boolean isConstructorOf(StackWalker.StackFrame frame, Class<?> type) {
        return frame.getMethodName().equals("<init>") && frame.getDeclaringClass().isAssignableFrom(type);
    }

    private static SourceLocation location(StackWalker.StackFrame frame) {
        return new SourceLocation(frame.getFileName() == null ? frame.getClassName() : frame.getFileName(), frame.getLineNumber());
    }

    private static boolean isInternal(Class<?> type) {
        String pkg = type.getPackageName();
        return INTERNAL_PACKAGES.contains(pkg) || pkg.startsWith("java.") || pkg.startsWith("jdk.") || pkg.startsWith("sun.");
    }
}
