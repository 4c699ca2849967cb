/**
 * The library cache: where the jars of a plugin zip's {@code lib/} are extracted, under their own
 * name and the SHA-256 of their content, so that the JDK can open them as jars. The cache is a trust boundary: its folder
 * must be the host user's alone ({@link dev.graft.loader.cache.CacheFolder}), a cached jar is used
 * only when its content hashes to the hash in its name, and file locks keep two processes from deleting each
 * other's jars ({@link dev.graft.loader.cache.CacheLocks}).
 */
package dev.graft.loader.cache;
