/**
 * Graft's run time. Only {@link dev.graft.loader} is exported: the subsystems ({@code archive},
 * {@code cache}, {@code classloading}, {@code resolve}, {@code leak}, {@code pf4j}, {@code lavalink}) are implementation, closed to
 * callers on the module path (on the class path the jar works as before). The formats, whose
 * values appear in the API ({@code Version} in a {@code PluginStatus}), come along with it.
 */
module dev.graft.loader {
    requires transitive dev.graft.format;
    // dev.graft.PluginLifecycle, the plugin-side start and stop hooks
    requires transitive dev.graft.annotations;
    // a plugin's bundled JDBC drivers are registered the first time its code runs (JdbcDrivers)
    requires java.sql;

    uses java.sql.Driver;

    exports dev.graft.loader;
}
