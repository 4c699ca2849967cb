package dev.graft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as an extension: an implementation of one or more extension points that the
 * Graft loader can find and instantiate without scanning the class path.
 *
 * <p>The Graft annotation processor validates every use at compile time and writes the class into
 * the plugin's extension index ({@code META-INF/graft/extensions.idx}), keyed by extension point.
 * An extension must be a public, non-abstract, top-level or static nested class with a public
 * no-argument constructor, which the loader calls.
 *
 * <pre>{@code
 * @Extension(dependency = "lavasearch@^1.0.0", ordinal = 10)
 * public final class SpotifySearch implements SearchManager { ... }
 * }</pre>
 *
 * <p>The extension points of a class are, in this order of precedence: the types listed in
 * {@link #points()}; otherwise every supertype annotated {@link ExtensionPoint}; otherwise the
 * interfaces the class implements directly (outside {@code java.*} and {@code javax.*}), or,
 * when it implements none, its direct superclass when that is not a {@code java.*} class. The rules
 * are specified in {@code docs/processor.md}.
 *
 * <p><b>Spring components.</b> A class that is also annotated, directly or through meta-annotations,
 * with Spring's {@code @Component} or {@code @Configuration} ({@code @Service}, {@code @RestController},
 * a composed stereotype, ...; recognised by name, {@code @Named} does not count) is created by Spring,
 * so it may use constructor injection. Its constructor is the one annotated {@code @Autowired} or
 * {@code @Inject}, else the public no-argument one, else its only constructor; that constructor must
 * be public, and two annotated constructors, or several with none annotated and no public no-argument
 * one, are an error. A component without an extension point is indexed under its stereotype
 * annotation, for example {@code org.springframework.web.bind.annotation.RestController}.
 *
 * <pre>{@code
 * @Extension(dependency = "lavasearch@^1.0.0")
 * @RestController
 * public class SearchEndpoint {
 *     public SearchEndpoint(SearchManager search) { ... }
 * }
 * }</pre>
 *
 * <p>Retention is {@link RetentionPolicy#CLASS}: build tools that process annotations
 * incrementally (Gradle) see it, and nothing needs this annotation at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Extension {

    /**
     * Plugins this extension needs, each {@code <pluginId>} or {@code <pluginId>@<range>} with an
     * npm-style range, for example {@code "lavasearch@^1.0.0"} or {@code "lyrics@>=2.1.0 <3.0.0"}.
     * The extension is active only when every listed plugin is installed and loaded in a version
     * inside its range; otherwise the loader skips it without loading its class.
     *
     * @return the dependency expressions; empty when the extension needs no other plugin
     */
    String[] dependency() default {};

    /**
     * Explicit extension points, for types the author cannot annotate with {@link ExtensionPoint}
     * (a third-party interface, for example). Each must be a supertype of the annotated class.
     *
     * @return the extension points; empty to derive them from the class's supertypes
     */
    Class<?>[] points() default {};

    /**
     * Position among the extensions of one point: lower ordinals come first. Ties are broken by
     * plugin id, then by class name.
     *
     * @return the ordinal, {@code 0} by default
     */
    int ordinal() default 0;
}
