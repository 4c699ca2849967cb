/**
 * The API the Spring Boot integration-test hosts share with their plugins
 * ({@code graft.shared-packages: [dev.graft.it.spring.api]}): classes of this package always come
 * from the host's loader, Spring Boot's launcher loader when the host runs as an executable jar.
 */
package dev.graft.it.spring.api;
