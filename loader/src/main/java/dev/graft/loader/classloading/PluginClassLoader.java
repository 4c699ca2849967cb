package dev.graft.loader.classloading;

import dev.graft.loader.ClassRoute;
import dev.graft.loader.archive.DirectoryName;
import dev.graft.format.JdkPackages;
import dev.graft.loader.archive.ResourceRoot;
import dev.graft.loader.pf4j.ClassHeader;
import java.io.IOException;
import java.net.URL;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * One of the two class loaders of a plugin: the {@linkplain Role#CLASSES classes loader} defines
 * the plugin's own classes, the {@linkplain Role#LIBRARIES library loader} the classes of the jars
 * in its {@code lib/}.
 *
 * <p>Every lookup is routed by package, in this order (the table in {@code docs/class-loading.md}):
 * <ol>
 *   <li>JDK packages: the platform loader.
 *   <li>Packages the host shares: the host loader, even when the plugin bundles a copy.
 *   <li>The loaders that {@link Routes} lists for the package: for a package a dependency
 *       exports, that dependency first (a shaded copy of its API is never defined), then the
 *       plugin's own copy; for any other package, the classes loader's own classes, then its
 *       libraries; for the library loader its own jars, then the plugin's own classes. A package
 *       found there is never looked up elsewhere.
 *   <li>Anything else: the host loader when host fallback is on, otherwise
 *       {@link ClassNotFoundException}.
 * </ol>
 * Resources follow the same order, by directory; {@link #getResources(String)} concatenates every
 * source in that order and adds the host's resources when host fallback is on, except the
 * {@code META-INF/services} files of a type the plugin's routes serve. The library loader sees
 * the plugin's resources as the classes loader does, and the plugin's own classes after its jars.
 * A name ending in {@code /} asks for a directory, for class-path scanning: a JDK or shared
 * package's goes to its owner, as its resources do; otherwise every root of the plugin (classes,
 * then libraries) that holds the directory or anything below it answers with its URL, then the
 * host when host fallback is on. A dependency's directories are not listed.
 *
 * <p>Parallel-capable. A loader takes a lock (per class name, dropped once the class is loaded:
 * {@link #getClassLoadingLock}) only to define a class of its own, and while it holds it the JVM
 * loads only that class's supertypes. It delegates to dependencies, whose loaders never delegate
 * back to it, and to the other loader of its pair, which may delegate back, but only for other
 * classes: a cycle of waits would need two classes each a supertype of the other. So loading
 * cannot deadlock.
 *
 * <p>One unit, though long: every method overrides part of {@link ClassLoader}'s contract (classes,
 * resources, packages, closing) over the same routing state, and the order above is read in one
 * file only if those overrides stay together. The class order is written once, in {@code walk}:
 * {@code loadClass} and {@link #explain(String)} (which says where a lookup would go, loading
 * nothing) are two sets of steps over it, and both need the protected {@code findLoadedClass}.
 */
public final class PluginClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** Which half of a plugin's pair a loader is. */
    public enum Role {
        /** The plugin's own classes. */
        CLASSES,
        /** The jars of the plugin's {@code lib/}. */
        LIBRARIES
    }

    private static final String SERVICES = "META-INF/services/";

    private final String pluginId;
    private final Role role;
    private final ClassLoader host;
    private final PackageMatcher shared;
    private final boolean hostFallback;
    // null with one root, whose own directory set answers (-0.25 KB a plugin)
    private final Map<String, ResourceRoot[]> rootsByDirectory;
    private final ResourceRoot[] roots;
    private final Set<String> packages;
    // the domain of roots[0], made on first use, and of the others: one root needs no map (-0.17 KB a plugin)
    private volatile ProtectionDomain firstDomain;
    private final Map<ResourceRoot, ProtectionDomain> otherDomains; // null with one root
    private volatile Routes routes = Routes.EMPTY;
    private volatile boolean closed;
    private volatile Object attachment;
    // the locks of the names being defined (getClassLoadingLock): a few at a time, so a table of 2 to start
    private final Map<String, Object> classLocks = new ConcurrentHashMap<>(1);
    private final java.util.concurrent.atomic.AtomicBoolean entered = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Creates a loader over the given roots. Call {@link #route(Map, Map)} before use.
     *
     * @param pluginId the plugin, named in messages
     * @param role which half of the pair this is
     * @param roots where this loader's own classes and resources come from, in priority order
     * @param host the host's class loader
     * @param shared the packages the host shares with plugins
     * @param hostFallback whether lookups no plugin source answers go to the host
     */
    public PluginClassLoader(String pluginId, Role role, List<ResourceRoot> roots, ClassLoader host,
            PackageMatcher shared, boolean hostFallback) {
        super("graft:" + pluginId + (role == Role.LIBRARIES ? ":lib" : ""), ClassLoader.getPlatformClassLoader());
        this.pluginId = pluginId;
        this.role = role;
        this.host = host;
        this.shared = shared;
        this.hostFallback = hostFallback;
        this.rootsByDirectory = roots.size() == 1 ? null : rootsByDirectory(roots);
        this.roots = roots.toArray(new ResourceRoot[0]);
        this.otherDomains = roots.size() > 1 ? new ConcurrentHashMap<>() : null;
        this.packages = Set.copyOf(ResourceRoot.packages(roots)); // not a view of a HashSet: -0.18 KB a plugin
    }

    /**
     * Sets where lookups go. Called once, when the loaders this one delegates to exist. The class
     * routes of packages that {@link #owner} gives to the JDK or the host are left out: a lookup
     * never reaches them, and without them a routed package needs no other check.
     *
     * @param classes package name to the loaders that define classes of it, in order
     * @param resources resource directory to the loaders that hold resources in it, in order
     * @param own the plugin's loaders, its classes loader first
     */
    void route(Map<String, List<PluginClassLoader>> classes, Map<String, List<PluginClassLoader>> resources,
            List<PluginClassLoader> own) {
        PluginClassLoader[] ownLoaders = own.toArray(new PluginClassLoader[0]);
        Map<String, PluginClassLoader[]> routed = frozen(classes, ownLoaders);
        for (java.util.Iterator<String> packages = routed.keySet().iterator(); packages.hasNext();) {
            if (owner(packages.next()) != null) {
                packages.remove();
            }
        }
        this.routes = new Routes(new PackageTable<>(routed),
                onlyOwnDirectories(resources, own) ? null : frozen(resources, ownLoaders), ownLoaders);
    }

    /** Whether the resource routes send each directory of the plugin's one loader to it, and nothing else. */
    private static boolean onlyOwnDirectories(Map<String, List<PluginClassLoader>> resources,
            List<PluginClassLoader> own) {
        if (own.size() != 1 || !resources.keySet().equals(own.get(0).directories())) {
            return false;
        }
        for (List<PluginClassLoader> loaders : resources.values()) {
            if (!loaders.equals(own)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, ResourceRoot[]> rootsByDirectory(List<ResourceRoot> roots) {
        Map<String, ResourceRoot[]> index = new HashMap<>();
        for (ResourceRoot root : roots) {
            for (String dir : root.directories()) {
                ResourceRoot[] holders = index.get(dir);
                if (holders == null) {
                    index.put(dir, new ResourceRoot[] {root});
                } else {
                    ResourceRoot[] more = java.util.Arrays.copyOf(holders, holders.length + 1);
                    more[holders.length] = root;
                    index.put(dir, more);
                }
            }
        }
        return index;
    }

    /** The own roots that hold an entry in a directory (slash form), in order; {@code null} if none does. */
    private ResourceRoot[] holders(String dir) {
        if (rootsByDirectory == null) {
            return roots[0].directories().contains(dir) ? roots : null;
        }
        return rootsByDirectory.get(dir);
    }

    /** The routes as arrays; a route to the plugin's own loaders, in their order, shares their array. */
    private static Map<String, PluginClassLoader[]> frozen(Map<String, List<PluginClassLoader>> routes,
            PluginClassLoader[] own) {
        List<PluginClassLoader> ownList = List.of(own);
        Map<String, PluginClassLoader[]> frozen = new HashMap<>(routes.size() * 2);
        for (Map.Entry<String, List<PluginClassLoader>> e : routes.entrySet()) {
            frozen.put(e.getKey(), e.getValue().equals(ownList) ? own : e.getValue().toArray(new PluginClassLoader[0]));
        }
        return frozen;
    }

    /** @return the plugin this loader belongs to */
    public String pluginId() {
        return pluginId;
    }

    /** @return which half of the pair this loader is */
    public Role role() {
        return role;
    }

    /** @return the packages of which this loader's own roots hold classes */
    public Set<String> packages() {
        return packages;
    }

    /** @return the resource directories of this loader's own roots */
    public Set<String> directories() {
        return rootsByDirectory == null ? roots[0].directories() : rootsByDirectory.keySet();
    }

    /**
     * An object the runtime keeps with the loader (the plugin's extension index).
     *
     * @return the attachment, or {@code null}
     */
    public Object attachment() {
        return attachment;
    }

    /** @param attachment the object the runtime keeps with the loader */
    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        Class<?> c = route(name);
        if (resolve) {
            resolveClass(c);
        }
        return c;
    }

    /**
     * Finds a class by the rules of the class comment: {@link #walk} with {@link #LOAD}. A package of
     * the plugin or its dependencies (the routes never hold the JDK's or shared ones) goes straight
     * to the loaders that define it, each of which asks the JVM for its loaded classes once: one
     * probe of the routing table and one native call for a loaded class, and nothing allocated.
     * Anything else is asked of the JVM for this loader first (a class this loader initiated, say a
     * proxy class defined to it), then of the JDK or the host.
     */
    private Class<?> route(String name) throws ClassNotFoundException {
        return walk(name, LOAD);
    }

    /**
     * Which loader would serve a class name, and by which rule, without loading or defining it:
     * {@link #walk} with {@link #EXPLAIN}, the same walk as {@link #loadClass}.
     *
     * @param name the binary class name
     * @return the route
     */
    public ClassRoute explain(String name) {
        try {
            return walk(name, EXPLAIN);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("an explanation throws nothing", e);
        }
    }

    /**
     * The delegation order, the one place it is written: the lookup ({@link #LOAD}) and the
     * explanation ({@link #EXPLAIN}) differ only in what each step does.
     */
    private <T> T walk(String name, Step<T> step) throws ClassNotFoundException {
        PluginClassLoader[] sources = routes.classes().forClass(name);
        if (sources != null) {
            for (PluginClassLoader source : sources) {
                T found = step.fromSource(this, source, name);
                if (found != null) {
                    return found;
                }
            }
            return step.none(this, name, ClassRoute.Rule.PACKAGE_WITHOUT_CLASS, sources);
        }
        T loaded = step.definedHere(this, name);
        if (loaded != null) {
            return loaded;
        }
        String pkg = packageOf(name);
        if (JdkPackages.contains(pkg)) {
            return step.delegate(this, getParent(), name, ClassRoute.Rule.JDK);
        }
        if (shared.matches(pkg)) {
            return step.delegate(this, host, name, ClassRoute.Rule.SHARED);
        }
        if (closed) {
            return step.none(this, name, ClassRoute.Rule.UNLOADED, null);
        }
        if (hostFallback) {
            return step.delegate(this, host, name, ClassRoute.Rule.HOST_FALLBACK);
        }
        return step.none(this, name, ClassRoute.Rule.NO_SOURCE, null);
    }

    /** What one step of {@link #walk} does; {@code null} from the first two goes on to the next step. */
    private interface Step<T> {
        /** A loader the routes list for the name's package: its class, or {@code null} if it has none. */
        T fromSource(PluginClassLoader self, PluginClassLoader source, String name) throws ClassNotFoundException;

        /** An unrouted name: a class the JVM already defined to this loader, or {@code null}. */
        T definedHere(PluginClassLoader self, String name);

        /** The JDK or the host decides. */
        T delegate(PluginClassLoader self, ClassLoader to, String name, ClassRoute.Rule rule) throws ClassNotFoundException;

        /** No loader serves the name; {@code sources} are the routed loaders that lack it, or {@code null}. */
        T none(PluginClassLoader self, String name, ClassRoute.Rule rule, PluginClassLoader[] sources)
                throws ClassNotFoundException;
    }

    /** The lookup: loads the class, or throws {@link ClassNotFoundException} saying why not. */
    private static final Step<Class<?>> LOAD = new Step<>() {
        @Override
        public Class<?> fromSource(PluginClassLoader self, PluginClassLoader source, String name)
                throws ClassNotFoundException {
            return source.loadLocal(name);
        }

        @Override
        public Class<?> definedHere(PluginClassLoader self, String name) {
            return self.findLoadedClass(name);
        }

        @Override
        public Class<?> delegate(PluginClassLoader self, ClassLoader to, String name, ClassRoute.Rule rule)
                throws ClassNotFoundException {
            return to.loadClass(name);
        }

        @Override
        public Class<?> none(PluginClassLoader self, String name, ClassRoute.Rule rule, PluginClassLoader[] sources)
                throws ClassNotFoundException {
            throw new ClassNotFoundException(switch (rule) {
                case PACKAGE_WITHOUT_CLASS -> name + " (plugin '" + self.pluginId + "': package " + packageOf(name)
                        + " belongs to " + describe(sources) + ", which do not hold this class)";
                case UNLOADED -> name + " (" + self.unloaded() + ")";
                default -> name + " (plugin '" + self.pluginId + "': not in its classes, its libraries or"
                        + " the packages its dependencies export, and host fallback is off)";
            });
        }
    };

    /** The explanation: says where the lookup would go, loading nothing. */
    private static final Step<ClassRoute> EXPLAIN = new Step<>() {
        @Override
        public ClassRoute fromSource(PluginClassLoader self, PluginClassLoader source, String name) {
            URL file = source.classFile(name);
            if (file == null && source.findLoadedClass(name) == null) {
                return null;
            }
            ClassRoute.Rule rule = !source.pluginId.equals(self.pluginId) ? ClassRoute.Rule.DEPENDENCY_EXPORT
                    : source.role == Role.CLASSES ? ClassRoute.Rule.OWN_CLASSES : ClassRoute.Rule.LIBRARIES;
            return new ClassRoute(name, self.getName(), rule, Optional.of(source.getName()), Optional.of(source.pluginId),
                    source.role == Role.LIBRARIES, Optional.ofNullable(file));
        }

        @Override
        public ClassRoute definedHere(PluginClassLoader self, String name) {
            Class<?> c = self.findLoadedClass(name);
            if (c == null || c.getClassLoader() != self) {
                return null; // initiated here, defined elsewhere: the steps below name where
            }
            return new ClassRoute(name, self.getName(), ClassRoute.Rule.DEFINED_TO_LOADER, Optional.of(self.getName()),
                    Optional.of(self.pluginId), self.role == Role.LIBRARIES, Optional.empty());
        }

        @Override
        public ClassRoute delegate(PluginClassLoader self, ClassLoader to, String name, ClassRoute.Rule rule) {
            URL file = to.getResource(name.replace('.', '/') + ".class");
            return new ClassRoute(name, self.getName(), rule,
                    Optional.of(rule == ClassRoute.Rule.JDK ? "platform" : "host"), Optional.empty(), false,
                    Optional.ofNullable(file));
        }

        @Override
        public ClassRoute none(PluginClassLoader self, String name, ClassRoute.Rule rule, PluginClassLoader[] sources) {
            return new ClassRoute(name, self.getName(), rule, Optional.empty(), Optional.empty(), false, Optional.empty());
        }
    };

    /** The URL of a class's file in this loader's own roots, without reading it; {@code null} if none holds it. */
    private URL classFile(String name) {
        String path = name.replace('.', '/') + ".class";
        ResourceRoot[] holders = holders(ResourceRoot.directoryOf(path));
        if (holders == null || closed) {
            return null;
        }
        for (ResourceRoot root : holders) {
            if (root.contains(path)) {
                return root.url(path);
            }
        }
        return null;
    }

    /**
     * The loader that owns a package outright, for classes and resources alike: the JDK's for its
     * packages, the host's for shared ones; {@code null} when the plugin's routes decide. (The
     * unnamed package is never the JDK's.)
     */
    private ClassLoader owner(String pkg) {
        if (JdkPackages.contains(pkg)) {
            return getParent();
        }
        if (shared.matches(pkg)) {
            return host;
        }
        return null;
    }

    private static String describe(PluginClassLoader[] sources) {
        List<String> names = new ArrayList<>();
        for (PluginClassLoader s : sources) {
            names.add(s.getName());
        }
        return String.join(", ", names);
    }

    /**
     * Finds or defines a class from this loader's own roots, without routing.
     *
     * @param name the binary class name
     * @return the class, or {@code null} if no own root holds it
     * @throws ClassNotFoundException if the class file cannot be read or this loader is closed
     */
    Class<?> loadLocal(String name) throws ClassNotFoundException {
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
            return loaded;
        }
        String path = name.replace('.', '/') + ".class";
        ResourceRoot[] holders = holders(ResourceRoot.directoryOf(path));
        if (holders == null) {
            return null;
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = defineFrom(holders, name, path);
            }
            if (c != null) {
                classLocks.remove(name); // loaded for good: a later caller finds it before it locks
            }
            return c;
        }
    }

    /**
     * The lock a class name is defined under in this loader: {@link #loadLocal} and {@link #defineCopy}
     * take it, and so does the JDK's {@code loadClass(Module, String)}. As in the JDK there is one lock
     * per name, but it is dropped once the class is loaded, where the JDK keeps every name's for good
     * (-0.19 KB a plugin). That is safe because a lock is dropped only once {@code findLoadedClass}
     * finds the class, which it then always will, and no caller defines a class it finds there: one
     * still waiting on the dropped lock finds the class under it, and so does one that makes a new lock
     * after the drop. Until then every caller gets the same lock. A name asked for but never loaded
     * here keeps its lock, as in the JDK.
     */
    @Override
    protected Object getClassLoadingLock(String className) {
        return classLocks.computeIfAbsent(className, name -> new Object());
    }

    /** Defines a class from the first of the roots that holds it; {@code null} if none does. Under its lock. */
    private Class<?> defineFrom(ResourceRoot[] holders, String name, String path) throws ClassNotFoundException {
        if (closed) {
            throw new ClassNotFoundException(name + " (" + unloaded() + ")");
        }
        for (ResourceRoot root : holders) {
            byte[] bytes;
            try {
                bytes = root.read(path);
            } catch (IOException | SecurityException e) { // SecurityException: a signed jar's entry that fails verification
                throw new ClassNotFoundException(name + " (plugin '" + pluginId + "': cannot read "
                        + root.entryName(path) + ": " + e.getMessage() + ")", e);
            }
            if (bytes != null) {
                return define(name, bytes, root);
            }
        }
        return null;
    }

    private Class<?> define(String name, byte[] bytes, ResourceRoot root) throws ClassNotFoundException {
        definePackage(packageOf(name), root);
        try {
            return defineClass(name, bytes, 0, bytes.length, domain(root));
        } catch (UnsupportedClassVersionError e) {
            throw new UnsupportedClassVersionError(newerJava(name, root, bytes));
        }
    }

    /** The domain of a root's classes: one per root, made when its first class is defined. */
    private ProtectionDomain domain(ResourceRoot root) {
        if (root != roots[0]) {
            return otherDomains.computeIfAbsent(root, this::newDomain);
        }
        ProtectionDomain domain = firstDomain;
        if (domain == null) {
            synchronized (roots) {
                domain = firstDomain;
                if (domain == null) {
                    domain = newDomain(root);
                    firstDomain = domain;
                }
            }
        }
        return domain;
    }

    private ProtectionDomain newDomain(ResourceRoot root) {
        return new ProtectionDomain(root.codeSource(), null, this, null);
    }

    private String newerJava(String name, ResourceRoot root, byte[] bytes) {
        try {
            int major = ClassHeader.majorVersion(bytes);
            return "plugin '" + pluginId + "' needs Java " + ClassHeader.javaRelease(major) + " (class file version "
                    + major + ") for " + name + " in " + root.describe() + ", but this JVM runs Java "
                    + Runtime.version().feature();
        } catch (IOException e) {
            return "plugin '" + pluginId + "': " + name + " in " + root.describe() + " has an unsupported class version";
        }
    }

    private void definePackage(String pkg, ResourceRoot root) {
        if (pkg.isEmpty() || getDefinedPackage(pkg) != null) {
            return;
        }
        Manifest mf = root.manifest();
        Attributes a = mf == null ? null : mf.getMainAttributes();
        try {
            definePackage(pkg,
                    value(a, Attributes.Name.SPECIFICATION_TITLE), value(a, Attributes.Name.SPECIFICATION_VERSION),
                    value(a, Attributes.Name.SPECIFICATION_VENDOR), value(a, Attributes.Name.IMPLEMENTATION_TITLE),
                    value(a, Attributes.Name.IMPLEMENTATION_VERSION), value(a, Attributes.Name.IMPLEMENTATION_VENDOR),
                    null);
        } catch (IllegalArgumentException e) {
            // defined meanwhile by another thread
        }
    }

    private static String value(Attributes a, Attributes.Name name) {
        return a == null ? null : a.getValue(name);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = loadLocal(name);
        if (c == null) {
            throw new ClassNotFoundException(name);
        }
        return c;
    }

    @Override
    public URL getResource(String name) {
        String dir = ResourceRoot.directoryOf(name);
        ClassLoader owner = owner(dir.replace('/', '.'));
        if (owner != null) {
            return owner.getResource(name);
        }
        if (closed) {
            throw new IllegalStateException(name + ": " + unloaded());
        }
        PluginClassLoader[] sources = sources(name, dir);
        if (sources != null) {
            for (PluginClassLoader source : sources) {
                URL url = source.findResource(name);
                if (url != null) {
                    return url;
                }
            }
        }
        return hostServes(name) ? host.getResource(name) : null;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        String dir = ResourceRoot.directoryOf(name);
        ClassLoader owner = owner(dir.replace('/', '.'));
        if (owner != null) {
            return owner.getResources(name);
        }
        if (closed) {
            throw new IOException(name + ": " + unloaded());
        }
        Set<URL> urls = new LinkedHashSet<>(Collections.list(ownResources(name)));
        if (hostServes(name)) {
            urls.addAll(Collections.list(host.getResources(name)));
        }
        return Collections.enumeration(urls);
    }

    /**
     * Whether the host's resources of a name are listed after the plugin's: with host fallback on,
     * for every name in a folder but the services files of the plugin's own types. A top-level
     * name ({@code logback.xml}, {@code logback-test.xml}, {@code application.yml}) is the
     * configuration of whoever owns the class path: a plugin's library asking for one means the
     * plugin's, and the host's copy would configure the plugin's library as the host.
     */
    private boolean hostServes(String name) {
        return hostFallback && name.indexOf('/') >= 0 && !isOwnServiceFile(name);
    }

    /**
     * Whether a resource is the {@code META-INF/services} file of a type this loader's routes
     * serve: the plugin's own, its libraries' or a dependency's. The host's files for that type
     * name providers of the host's copy of it, which {@link java.util.ServiceLoader} would load from
     * the host and refuse as "not a subtype", so they are not listed. For a type of the JDK or the
     * host, the host's providers are listed after the plugin's.
     */
    private boolean isOwnServiceFile(String name) {
        return name.startsWith(SERVICES) && !DirectoryName.isDirectory(name)
                && routes.classes().forClass(name.substring(SERVICES.length())) != null;
    }

    /**
     * The resources of a name in the plugin's own sources only (its classes and libraries, and the
     * directories its dependencies export), never the host's.
     *
     * @param name the resource name
     * @return the URLs, in lookup order
     */
    public Enumeration<URL> ownResources(String name) {
        List<URL> urls = new ArrayList<>();
        PluginClassLoader[] sources = sources(name, ResourceRoot.directoryOf(name));
        if (sources != null) {
            for (PluginClassLoader source : sources) {
                urls.addAll(Collections.list(source.findResources(name)));
            }
        }
        return Collections.enumeration(urls);
    }

    /**
     * Whether this is the first call: true once, for the first thread that runs the plugin's code
     * in its context, which then does what a plugin needs before its first call (registering its
     * JDBC drivers).
     *
     * @return {@code true} the first time only
     */
    public boolean firstEntry() {
        return !entered.get() && entered.compareAndSet(false, true);
    }

    /**
     * The loaders a resource lookup asks, once the JDK and shared packages are left out: those the
     * routes give its directory; for a directory itself ({@code com/example/}, whose own directory
     * {@code directoryOf} gives as {@code com/example}), the plugin's own loaders, classes first,
     * since it may hold no entry to route by ({@code com/} above {@code com/example/A.class}).
     */
    private PluginClassLoader[] sources(String name, String dir) {
        return DirectoryName.isDirectory(name) ? routes.own() : routes.forDirectory(dir);
    }

    /**
     * The URLs of a directory in this loader's own roots that hold it or anything below it, in
     * their order; none for the root or a name with an empty, {@code .} or {@code ..} segment.
     */
    private List<URL> directories(String name, boolean first) {
        if (closed || !DirectoryName.isAnswerable(name)) {
            return List.of();
        }
        List<URL> urls = new ArrayList<>(1);
        for (ResourceRoot root : roots) {
            URL url = root.directoryUrl(name);
            if (url != null) {
                urls.add(url);
                if (first) {
                    break;
                }
            }
        }
        return urls;
    }

    /** Finds a resource, or a directory, in this loader's own roots only. */
    @Override
    public URL findResource(String name) {
        if (DirectoryName.isDirectory(name)) {
            List<URL> urls = directories(name, true);
            return urls.isEmpty() ? null : urls.get(0);
        }
        ResourceRoot[] holders = holders(ResourceRoot.directoryOf(name));
        if (holders == null || closed) {
            return null;
        }
        for (ResourceRoot root : holders) {
            URL url = root.url(name);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    /** Finds a resource, or a directory, in every one of this loader's own roots. */
    @Override
    public Enumeration<URL> findResources(String name) {
        if (DirectoryName.isDirectory(name)) {
            return Collections.enumeration(directories(name, false));
        }
        ResourceRoot[] holders = holders(ResourceRoot.directoryOf(name));
        if (holders == null || closed) {
            return Collections.emptyEnumeration();
        }
        List<URL> urls = new ArrayList<>(holders.length);
        for (ResourceRoot root : holders) {
            URL url = root.url(name);
            if (url != null) {
                urls.add(url);
            }
        }
        return Collections.enumeration(urls);
    }

    /** What a lookup through this loader says once its plugin is unloaded. */
    private String unloaded() {
        return "plugin '" + pluginId + "' was unloaded: its classes and resources are gone; an object kept from it"
                + " still reaches the JDK's and the shared packages' classes only; get the plugin's extensions again"
                + " once it is loaded again";
    }

    /**
     * Stops the loader: no class is defined and no resource found after this; a lookup that would
     * reach the plugin, its dependencies or the host's fallback fails with a message saying the
     * plugin was unloaded, while the JDK's and the shared packages still answer. The roots are closed
     * by their archive.
     */
    public void close() {
        closed = true;
        routes = Routes.EMPTY;
        attachment = null;
        firstDomain = null;
        if (otherDomains != null) {
            otherDomains.clear();
        }
    }

    /**
     * Defines in this loader a copy of one of Graft's own classes, read from Graft's jar. For code
     * that the JDK serves only when this loader's classes call it: {@code DriverManager} deregisters
     * a driver only for a caller whose loader sees it, so the unload's cleanup runs such a copy.
     * Works once the loader is closed; the copy must refer to nothing but the JDK.
     *
     * @param graftClass the class to copy, a top-level class of Graft's own loader
     * @return the copy, defined by this loader
     * @throws IOException if Graft's class file cannot be read
     * @throws IllegalArgumentException if the class is not Graft's
     * @throws IllegalStateException if this loader already holds a class of that name (the
     *     plugin's, which is not run in its place)
     */
    public Class<?> defineCopy(Class<?> graftClass) throws IOException {
        if (graftClass.getClassLoader() != PluginClassLoader.class.getClassLoader()) {
            throw new IllegalArgumentException(graftClass + " is not a class of Graft's");
        }
        String name = graftClass.getName();
        synchronized (getClassLoadingLock(name)) {
            if (findLoadedClass(name) != null) {
                throw new IllegalStateException(getName() + " already holds a class named " + name);
            }
            byte[] bytes;
            try (java.io.InputStream in = graftClass.getResourceAsStream(graftClass.getSimpleName() + ".class")) {
                if (in == null) {
                    throw new IOException("cannot read the class file of " + name + " from " + graftClass.getModule());
                }
                bytes = in.readAllBytes();
            }
            Class<?> copy = defineClass(name, bytes, 0, bytes.length);
            classLocks.remove(name);
            return copy;
        }
    }

    /**
     * Whether this loader has defined, or been asked for, a class: for diagnostics and tests that
     * check what a lookup loaded.
     *
     * @param className the binary class name
     * @return {@code true} if the class is loaded in this loader
     */
    public boolean hasLoaded(String className) {
        return findLoadedClass(className) != null;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    @Override
    public String toString() {
        return getName();
    }
}
