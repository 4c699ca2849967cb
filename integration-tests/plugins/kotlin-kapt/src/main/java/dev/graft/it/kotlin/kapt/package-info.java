/**
 * Issue 17: a plugin written in Kotlin. Kotlin has no package annotations, so the plugin is declared
 * here, in Java; kapt hands this file to graft-processor together with the stubs of the Kotlin classes.
 */
@Plugin(id = "kotlin-kapt", exports = "dev.graft.it.kotlin.kapt.api")
package dev.graft.it.kotlin.kapt;

import dev.graft.Plugin;
