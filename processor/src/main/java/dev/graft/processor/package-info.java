/**
 * The Graft annotation processor: it validates {@link dev.graft.Plugin}, {@link dev.graft.Extension}
 * and {@link dev.graft.ExtensionPoint} at compile time and writes the plugin manifest and the
 * extension index that the Graft loader reads. {@link dev.graft.processor.GraftProcessor} is the
 * only public type; {@code docs/processor.md} describes its use and every diagnostic.
 */
package dev.graft.processor;
