package dev.graft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the plugin that a compilation builds: the single place where a plugin states its id,
 * the host versions it runs on, the plugins it depends on and the packages it exports. Put it on
 * the {@code package-info.java} of the plugin's root package:
 *
 * <pre>{@code
 * @Plugin(
 *     id = "lavasrc",
 *     requires = ">=4.0.0 <5.0.0",
 *     dependencies = {"lavasearch?@^1.0.0"},
 *     exports = {"com.github.topi314.lavasrc.api"})
 * package com.github.topi314.lavasrc;
 *
 * import dev.graft.Plugin;
 * }</pre>
 *
 * <p>The version comes from the build, so that it is not written twice: pass
 * {@code -Agraft.version=${project.version}} to the compiler. {@link #version()} is used only when
 * that option is absent. The package carrying this annotation, and its subpackages, belong to the
 * plugin: extension points declared there are the plugin's API (see {@link PluginApi}).
 *
 * <p>The Graft annotation processor validates the declaration and writes the plugin manifest,
 * {@code META-INF/graft/plugin.manifest}, specified in {@code docs/index-format.md}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PACKAGE)
public @interface Plugin {

    /**
     * The plugin id: letters, digits, {@code '.'}, {@code '_'} and {@code '-'}, starting with a
     * letter or digit, at most 64 characters. Other plugins name it in their dependencies.
     *
     * @return the plugin id
     */
    String id();

    /**
     * The plugin version, used only when the processor option {@code graft.version} is not set.
     * Maven versions are normalised to semantic versions: {@code 1.2-SNAPSHOT} becomes
     * {@code 1.2.0-SNAPSHOT}.
     *
     * @return the version, or empty to take it from the build
     */
    String version() default "";

    /**
     * The host versions this plugin runs on, as an npm-style range, for example
     * {@code ">=4.0.0 <5.0.0"} or {@code "^4.0.0"}. Empty means any host version.
     *
     * @return the host version range
     */
    String requires() default "";

    /**
     * Plugins this plugin depends on: {@code id}, {@code id@range}, and for optional dependencies
     * {@code id?} and {@code id?@range}. Required dependencies must be installed in a matching
     * version or the plugin is disabled; optional ones are version-checked when installed. Every
     * dependency is loaded before this plugin, and its exported packages are visible to it.
     *
     * @return the dependency expressions
     */
    String[] dependencies() default {};

    /**
     * Packages that plugins depending on this one may use. Empty (the default) exports every
     * package of the plugin's own classes; a non-empty list exports exactly the listed packages,
     * which may also be packages of a library bundled in the plugin's {@code lib/}. A name ending
     * in {@code .*} exports that package and its subpackages.
     *
     * @return the exported package names
     */
    String[] exports() default {};
}
