package dev.graft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a package, and its subpackages, is the API of a plugin, for APIs published in a
 * jar of their own (an {@code lavasearch-api} artifact, say) rather than in the plugin's classes.
 * Put it on the API package's {@code package-info.java}:
 *
 * <pre>{@code
 * @PluginApi("lavasearch")
 * package com.github.topi314.lavasearch.api;
 * }</pre>
 *
 * <p>An extension that implements an extension point of that package must declare a dependency on
 * the plugin, in {@link Extension#dependency()} or in {@link Plugin#dependencies()}; otherwise the
 * build fails, instead of the user's server failing with a chain of class-loading exceptions when
 * the plugin is absent.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PACKAGE)
public @interface PluginApi {

    /**
     * The id of the plugin that owns this package.
     *
     * @return the plugin id
     */
    String value();
}
