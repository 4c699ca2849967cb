/**
 * Issue 14: a plugin that uses everyday libraries (Jackson with jsr310, logback with the plugin's own
 * logback.xml, H2 through DriverManager, Ktor's client engine) as ordinary Java code does, in a host
 * whose class path carries other versions of Jackson and logback, as a Spring Boot host does.
 */
@Plugin(id = "everyday")
package dev.graft.it.everyday;

import dev.graft.Plugin;
