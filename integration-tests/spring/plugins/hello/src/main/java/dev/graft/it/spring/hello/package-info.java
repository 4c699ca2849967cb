/**
 * A plugin whose classes are Spring beans of the host's context, one of each kind a Lavalink
 * plugin has; every one carries {@code @Extension}. It runs on host versions 1.x, so it loads only
 * when the host's {@code graft.host-version} is bound from its application.yml.
 */
@Plugin(id = "hello", requires = ">=1.0.0 <2.0.0")
package dev.graft.it.spring.hello;

import dev.graft.Plugin;
