/**
 * The API the example host shares with its plugins: {@link dev.graft.example.host.api.Command},
 * which plugins implement, and {@link dev.graft.example.host.api.Host}, through which they reach
 * the extensions of other plugins. Plugins compile against it with scope {@code provided}.
 */
package dev.graft.example.host.api;
