package dev.graft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which dependencies are bundled, the shared-API check, and the processor check. */
class PackagingRulesTest {

    @TempDir
    Path tmp;

    private DependencyArtifact artifact(String g, String a, String scope, String type, Path file) {
        return new DependencyArtifact(g, a, "1.0", "", type, scope, file, List.of("dev.x:plugin:1.0", g + ":" + a + ":1.0"));
    }

    private Path jar(String name, String... entries) throws Exception {
        Path file = tmp.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
            for (String e : entries) {
                out.putNextEntry(new JarEntry(e));
                out.closeEntry();
            }
        }
        return file;
    }

    @Test
    void bundlesRuntimeJarsButNotWhatTheHostProvides() throws Exception {
        Path f = jar("x.jar");
        BundledDependencies.Selection s = BundledDependencies.select(List.of(
                artifact("org.a", "kept", "compile", "jar", f),
                artifact("org.a", "runtime-kept", "runtime", "jar", f),
                artifact("org.a", "api", "provided", "jar", f),
                artifact("com.sedmelluq", "lavaplayer", "compile", "jar", f),
                artifact("org.b", "from-bom", "compile", "jar", f),
                artifact("org.a", "parent", "compile", "pom", f)),
                List.of("com.sedmelluq:*"), Set.of("org.b:from-bom"));
        assertEquals(List.of("kept-1.0.jar", "runtime-kept-1.0.jar"), List.copyOf(s.bundled().keySet()));
        assertEquals(List.of(
                "com.sedmelluq:lavaplayer:1.0: the host provides it (hostProvided)",
                "org.a:api:1.0: scope provided",
                "org.a:parent:1.0: type pom, not a jar",
                "org.b:from-bom:1.0: the host provides it (hostBom)"), s.leftOut());
    }

    @Test
    void prefixesTheGroupWhenTwoJarsWouldShareAName() throws Exception {
        Path f = jar("x.jar");
        BundledDependencies.Selection s = BundledDependencies.select(List.of(
                artifact("org.one", "util", "compile", "jar", f), artifact("org.two", "util", "compile", "jar", f),
                artifact("org.one", "other", "compile", "jar", f)), List.of(), Set.of());
        assertEquals(List.of("org.one.util-1.0.jar", "org.two.util-1.0.jar", "other-1.0.jar").stream().sorted().toList(),
                List.copyOf(s.bundled().keySet()));
    }

    @Test
    void namesTheJarTheTrailAndThePackageOfABundledSharedApi() throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        Path api = jar("host-api.jar", "com/host/api/Command.class", "com/host/api/spi/Hook.class", "META-INF/MANIFEST.MF");
        Path clean = jar("clean.jar", "org/clean/Util.class");
        Map<String, DependencyArtifact> bundled = Map.of(
                "host-api-1.0.jar", artifact("com.host", "host-api", "compile", "jar", api),
                "clean-1.0.jar", artifact("org.clean", "clean", "compile", "jar", clean));
        List<String> problems = SharedPackageCheck.problems(classes, bundled, List.of("com.host.api.*"));
        assertEquals(List.of(
                "com.host:host-api:1.0 (dev.x:plugin:1.0 -> com.host:host-api:1.0) bundles classes of package com.host.api,"
                        + " which the host shares: give that dependency <scope>provided</scope>, exclude it, or list it in"
                        + " <hostProvided>",
                "com.host:host-api:1.0 (dev.x:plugin:1.0 -> com.host:host-api:1.0) bundles classes of package"
                        + " com.host.api.spi, which the host shares: give that dependency <scope>provided</scope>, exclude"
                        + " it, or list it in <hostProvided>"), problems);
        assertEquals(List.of(), SharedPackageCheck.problems(classes, bundled, List.of("org.other")));
    }

    @Test
    void flagsTheProjectsOwnClassesInASharedPackage() throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("classes/com/host/api"));
        Files.write(classes.resolve("Mine.class"), new byte[0]);
        assertEquals(List.of("the plugin's own classes declare package com.host.api, which the host shares: the host's"
                + " classes always win, so these are never used; move them to a package of the plugin"),
                SharedPackageCheck.problems(tmp.resolve("classes"), Map.of(), List.of("com.host.api")));
    }

    @Test
    void withoutTheProcessorsOutputTheBuildFailsShowingTheSnippet() throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> ProcessorOutput.check(classes));
        assertTrue(none.getMessage().startsWith("Graft plugin metadata is missing in " + classes + ": found neither"
                + " META-INF/graft/plugin.manifest nor META-INF/graft/extensions.idx. The Graft annotation processor"
                + " did not run"), none.getMessage());
        assertTrue(none.getMessage().endsWith(ProcessorOutput.SNIPPET));
        assertTrue(ProcessorOutput.SNIPPET.contains("<artifactId>graft-processor</artifactId>")
                && ProcessorOutput.SNIPPET.contains("<arg>-Agraft.version=${project.version}</arg>"));
        Files.createDirectories(classes.resolve("META-INF/graft"));
        Files.writeString(classes.resolve("META-INF/graft/plugin.manifest"), "graft-plugin 1\nid p\nversion 1.0.0\n");
        IllegalStateException half = assertThrows(IllegalStateException.class, () -> ProcessorOutput.check(classes));
        assertTrue(half.getMessage().contains("but no META-INF/graft/extensions.idx"), half.getMessage());
        Files.writeString(classes.resolve("META-INF/graft/extensions.idx"), "graft-index 1\n");
        assertEquals("p", ProcessorOutput.check(classes).id());
    }

    @Test
    void aManifestLeftFromAnEarlierVersionFailsThePackagingWithTheFix() {
        dev.graft.format.PluginManifest old = new dev.graft.format.PluginManifest("p", dev.graft.format.Version.parse("1.0.0"),
                dev.graft.format.VersionRange.ANY, List.of(), List.of());
        assertEquals(java.util.Optional.empty(), ManifestVersionCheck.problem(old, "m", "1.0.0"));
        assertEquals(java.util.Optional.empty(), ManifestVersionCheck.problem(old, "m", "1.0"), "normalised as the processor does");
        String problem = ManifestVersionCheck.problem(old, "target/classes/META-INF/graft/plugin.manifest", "2.0.0").orElseThrow();
        assertEquals("plugin 'p': target/classes/META-INF/graft/plugin.manifest says version 1.0.0, but the project's"
                + " version is 2.0.0 (2.0.0): the compiler did not run again after the version changed, so graft-processor"
                + " did not rewrite the manifest; build with 'mvn clean package' (and pass -Agraft.version=${project.version}"
                + " to the compiler, with no version in @Plugin)", problem);
        assertTrue(ManifestVersionCheck.problem(old, "m", "not a version!").orElseThrow().startsWith(
                "the project's version 'not a version!' is not a version Graft can write"));
    }
}
