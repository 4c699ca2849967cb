package dev.graft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface or abstract class as designed to be extended: every {@link Extension} that
 * has it as a supertype is indexed under it.
 *
 * <p>A point may belong to a plugin's API: when its package (or an enclosing package) is annotated
 * with {@link Plugin} or {@link PluginApi}, an extension in another plugin that implements it must
 * declare a dependency on that plugin, or the build fails.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ExtensionPoint {
}
