/**
 * Which plugins load and in what order: {@link dev.graft.loader.resolve.DependencyResolver} checks
 * ids, host and Java versions and {@code id@range} dependencies and orders plugins after what they
 * need, ties broken by id; {@link dev.graft.loader.resolve.DependencyCycles} finds cycles in linear
 * time. Pure functions of the manifests: the same plugins give the same answer in any order.
 */
package dev.graft.loader.resolve;
