package dev.graft.processor;

import dev.graft.Plugin;
import dev.graft.PluginApi;
import dev.graft.format.PluginId;
import dev.graft.format.SyntaxException;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * Checks {@code @PluginApi}: its value must be an id a plugin can declare, and on a package that also
 * carries {@code @Plugin} it must agree with it.
 */
final class PluginApiValidator {

    private final Mirrors mirrors;
    private final Reporter reporter;

    /**
     * @param elements the compiler's element utilities
     * @param reporter where errors go
     */
    PluginApiValidator(Elements elements, Reporter reporter) {
        this.mirrors = new Mirrors(elements);
        this.reporter = reporter;
    }

    /** @param pkg a package annotated {@code @PluginApi} */
    void validate(Element pkg) {
        AnnotationMirror api = Mirrors.find(pkg, PluginApi.class);
        AnnotationValue value = mirrors.value(api, "value");
        Site at = Site.of(pkg, api).at(value);
        String id = String.valueOf(value.getValue());
        String owner = "@PluginApi on package " + Names.of(pkg);
        try {
            PluginId.check(id);
        } catch (SyntaxException e) {
            reporter.error(at, owner + " names an invalid plugin id " + e.getMessage() + "; no plugin can declare"
                    + " that id, so no extension could ever depend on the owner of this package");
            return;
        }
        AnnotationMirror plugin = Mirrors.find(pkg, Plugin.class);
        if (plugin != null && !mirrors.string(plugin, "id").equals(id)) {
            String pluginId = mirrors.string(plugin, "id");
            reporter.error(at, owner + " says the package belongs to '" + id + "', but @Plugin on the same package"
                    + " declares plugin '" + pluginId + "'; @Plugin wins, so its points belong to '" + pluginId
                    + "'. Remove @PluginApi: the package of @Plugin and its subpackages belong to the plugin already");
        }
    }
}
