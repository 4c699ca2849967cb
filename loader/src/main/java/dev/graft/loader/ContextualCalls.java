package dev.graft.loader;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;

/**
 * The proxy {@link PluginRuntime#contextualExtensions(Class)} returns: it implements one interface
 * point and runs every call on the extension with the thread context class loader set to the
 * extension's plugin's loader, restoring the caller's afterwards, whether the call returns or
 * throws. Exceptions reach the caller as the extension threw them. {@code equals} and
 * {@code hashCode} are the proxy's identity (so equality stays symmetric); {@code toString} is the
 * extension's, called in its context.
 */
final class ContextualCalls implements InvocationHandler {

    private final Object target;
    private final ClassLoader context;

    private ContextualCalls(Object target, ClassLoader context) {
        this.target = target;
        this.context = context;
    }

    /**
     * Checks that a point's calls can be wrapped: it must be a public interface.
     *
     * @throws IllegalArgumentException naming the point and what to do instead
     */
    static void checkPoint(Class<?> point) {
        String problem = !point.isInterface() ? "is not an interface" : !Modifier.isPublic(point.getModifiers())
                ? "is not public" : null;
        if (problem != null) {
            throw new IllegalArgumentException(point.getName() + " " + problem + ": only the calls of a public interface"
                    + " point can be wrapped; call extensions(" + point.getSimpleName() + ".class) and run each call"
                    + " through LoadedPlugin.callWithContextLoader instead");
        }
    }

    /** @return a proxy of {@code point} over {@code target} whose calls run with {@code context} as context loader */
    static <T> T wrap(Class<T> point, T target, ClassLoader context) {
        return point.cast(Proxy.newProxyInstance(point.getClassLoader(), new Class<?>[] {point},
                new ContextualCalls(target, context)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            if (method.getName().equals("equals")) {
                return proxy == args[0];
            }
            if (method.getName().equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
        }
        return PluginContext.run(context, () -> {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
