package dev.graft.it.services;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.Extension;
import dev.graft.it.host.Host;
import dev.graft.it.host.Probe;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * SLF4J 2 finds its provider, and Jackson its modules, through ServiceLoader: both work only if
 * the bundled jars keep their META-INF/services and the plugin's loaders serve them. Runs in the
 * constructor, where the runtime sets the thread context loader, and again in report(), with the
 * plugin's own loader.
 */
@Extension
public final class ServicesProbe implements Probe {

    private final String atConstruction;

    /** Looks the services up while the runtime has set the context loader. */
    public ServicesProbe() {
        atConstruction = lookups(ObjectMapper.findModules());
    }

    @Override
    public String name() {
        return "services";
    }

    @Override
    public String report(Host host) {
        String withPluginLoader = lookups(ObjectMapper.findModules(ServicesProbe.class.getClassLoader()));
        return "context[" + atConstruction + "] plugin[" + withPluginLoader + "]";
    }

    private static String lookups(List<Module> modules) {
        List<String> names = new ArrayList<>();
        for (Module m : modules) {
            names.add(m.getModuleName());
        }
        return "slf4j=" + LoggerFactory.getILoggerFactory().getClass().getName()
                + " slf4jFrom=" + LoggerFactory.class.getClassLoader().getName()
                + " jacksonModules=" + names;
    }
}
