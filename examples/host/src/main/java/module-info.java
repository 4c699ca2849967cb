/**
 * The example host as a named module: it needs only the loader's API ({@code dev.graft.loader},
 * which brings the formats) and its own API. It runs the same on the class path
 * ({@code java -jar graft-example-host.jar}) and on the module path ({@code ModulePathHostTest}).
 */
module dev.graft.example.host {
    requires dev.graft.loader;
    requires dev.graft.example.host.api;
}
