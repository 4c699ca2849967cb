package dev.graft.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a bundled jar is and which version: its Maven {@code META-INF/maven/<g>/<a>/pom.properties}
 * (the one whose artifactId the file name starts with, else the first by path), else its manifest's
 * {@code Implementation-Title}/{@code Bundle-SymbolicName} and {@code Implementation-Version}/
 * {@code Bundle-Version}, else its file name ({@code name-1.2.3.jar}).
 */
final class LibraryIdentity {

    private static final Pattern VERSIONED_NAME = Pattern.compile("(.+?)-(\\d[^-]*(?:-.*)?)\\.jar");

    private LibraryIdentity() {
    }

    static PluginContents.Library read(String fileName, byte[] jar) throws IOException {
        TreeMap<String, Properties> poms = new TreeMap<>();
        Manifest manifest = null;
        TreeSet<String> packages = new TreeSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName();
                if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                    Properties p = new Properties();
                    p.load(new ByteArrayInputStream(BoundedRead.read(in, fileName + "!/" + name)));
                    poms.put(name, p);
                } else if (name.equals("META-INF/MANIFEST.MF")) {
                    manifest = new Manifest(new ByteArrayInputStream(BoundedRead.read(in, fileName + "!/" + name)));
                } else if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                    packages.add(PluginContents.packageOf(name.substring(0, name.length() - ".class".length())));
                }
            }
        }
        Properties pom = null;
        for (Properties p : poms.values()) {
            if (pom == null || fileName.startsWith(p.getProperty("artifactId", "\0") + "-")) {
                pom = p;
            }
        }
        if (pom != null && pom.getProperty("artifactId") != null) {
            return new PluginContents.Library(fileName, pom.getProperty("groupId", "?") + ":" + pom.getProperty("artifactId"),
                    pom.getProperty("version", ""), List.copyOf(packages));
        }
        Attributes a = manifest == null ? null : manifest.getMainAttributes();
        String title = a == null ? null : first(a.getValue("Implementation-Title"), bundle(a.getValue("Bundle-SymbolicName")));
        String version = a == null ? null : first(a.getValue("Implementation-Version"), a.getValue("Bundle-Version"));
        Matcher m = VERSIONED_NAME.matcher(fileName);
        String nameOnly = m.matches() ? m.group(1) : fileName.replaceFirst("\\.jar$", "");
        return new PluginContents.Library(fileName, title != null ? title : nameOnly,
                version != null ? version : m.matches() ? m.group(2) : "", List.copyOf(packages));
    }

    private static String bundle(String symbolicName) {
        return symbolicName == null ? null : symbolicName.split(";")[0].trim();
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a.trim() : b != null && !b.isBlank() ? b.trim() : null;
    }
}
