package dev.tern.hdl;

import dev.tern.hdl.ir.SourceLocation;

import java.util.Set;

/** Finds the user's line on the call stack: the first frame outside Tern's own DSL and the JDK. */
final class SourceLocator {
    private static final Set<String> INTERNAL_PACKAGES = Set.of("dev.tern.hdl", "dev.tern.hdl.ir");
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private SourceLocator() {
    }

    static SourceLocation caller() {
        return WALKER.walk(frames -> frames
                .filter(f -> !isInternal(f.getDeclaringClass()))
                .findFirst()
                .map(f -> new SourceLocation(f.getFileName() == null ? f.getClassName() : f.getFileName(), f.getLineNumber()))
                .orElse(SourceLocation.UNKNOWN));
    }

    /** The line that constructed a component: skips the constructors of Component subclasses as well. */
    static SourceLocation creator() {
        return WALKER.walk(frames -> frames
                .filter(f -> !isInternal(f.getDeclaringClass()))
                .filter(f -> !(f.getMethodName().equals("<init>") && Component.class.isAssignableFrom(f.getDeclaringClass())))
                .findFirst()
                .map(f -> new SourceLocation(f.getFileName() == null ? f.getClassName() : f.getFileName(), f.getLineNumber()))
                .orElse(SourceLocation.UNKNOWN));
    }

    private static boolean isInternal(Class<?> type) {
        String pkg = type.getPackageName();
        return INTERNAL_PACKAGES.contains(pkg) || pkg.startsWith("java.") || pkg.startsWith("jdk.") || pkg.startsWith("sun.");
    }
}
