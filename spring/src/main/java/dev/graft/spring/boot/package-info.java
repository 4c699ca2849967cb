/**
 * The Spring Boot auto-configuration: with {@code graft.plugins.directory} set, the host's context
 * loads that folder at start-up and registers every active extension as a bean
 * ({@link dev.graft.spring.boot.GraftAutoConfiguration}); the options are
 * {@link dev.graft.spring.boot.GraftProperties}.
 */
package dev.graft.spring.boot;
