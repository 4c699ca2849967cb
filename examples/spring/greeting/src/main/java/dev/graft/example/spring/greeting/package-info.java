/**
 * Plugin {@code greeting}: Spring beans that the example host serves. {@link
 * dev.graft.example.spring.greeting.FriendlyGreeter} is a service of the host's {@code Greeter}
 * point built by constructor injection, {@link dev.graft.example.spring.greeting.GreetingController}
 * an endpoint, {@link dev.graft.example.spring.greeting.GreetingProperties} its configuration, and
 * {@link dev.graft.example.spring.greeting.TranslatedGreeter} a greeter that is skipped without
 * plugin {@code translate}.
 */
@Plugin(id = "greeting")
package dev.graft.example.spring.greeting;

import dev.graft.Plugin;
