/** The example host's API, which plugins implement: exported to every plugin, which sees it through the host. */
module dev.graft.example.host.api {
    exports dev.graft.example.host.api;
}
