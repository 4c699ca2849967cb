package dev.graft.processor;

import dev.graft.format.JdkPackages;
import dev.graft.format.PackagePattern;
import dev.graft.format.SyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.util.Elements;

/**
 * Checks {@code @Plugin.exports}: each entry is a package pattern; a plain package name (without
 * {@code .*}) must name a package of this compilation or of the class path, checked in the last
 * round; an entry written twice draws a warning.
 */
final class ExportsValidator {

    private final Elements elements;
    private final Mirrors mirrors;
    private final Reporter reporter;

    /**
     * @param elements looks packages up
     * @param mirrors reads the array
     * @param reporter where errors and warnings go
     */
    ExportsValidator(Elements elements, Mirrors mirrors, Reporter reporter) {
        this.elements = elements;
        this.mirrors = mirrors;
        this.reporter = reporter;
    }

    /**
     * @param site the {@code @Plugin} package and annotation
     * @param owner "@Plugin on package a", for messages
     * @return the valid patterns, each once; whether a plain package name exists is left to
     *     {@link #reportMissing}
     */
    List<String> validate(Site site, String owner) {
        List<String> exports = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AnnotationValue value : mirrors.array(site.annotation(), "exports")) {
            String pattern = String.valueOf(value.getValue());
            Site at = site.at(value);
            try {
                PackagePattern.check(pattern);
            } catch (SyntaxException e) {
                reporter.error(at, owner + " exports " + e.getMessage());
                continue;
            }
            if (namesJdkPackage(pattern)) {
                reporter.error(at, owner + " exports '" + pattern + "', a package of the JDK: the loader gives every"
                        + " plugin the JDK's own classes of it, never a plugin's, so the export could never take"
                        + " effect; remove it");
            } else if (!seen.add(pattern)) {
                reporter.warning(at, owner + " exports '" + pattern + "' twice; remove one");
            } else {
                exports.add(pattern);
            }
        }
        return exports;
    }

    /**
     * In the last round, when another processor can no longer generate the package: reports each
     * exported plain package name that names no package.
     *
     * @param site the {@code @Plugin} package and annotation
     * @param owner "@Plugin on package a", for messages
     * @param valid the patterns {@link #validate} returned
     */
    void reportMissing(Site site, String owner, List<String> valid) {
        Set<String> seen = new HashSet<>();
        for (AnnotationValue value : mirrors.array(site.annotation(), "exports")) {
            String pattern = String.valueOf(value.getValue());
            if (valid.contains(pattern) && seen.add(pattern) && !pattern.endsWith(".*")
                    && elements.getPackageElement(pattern) == null) {
                reporter.error(site.at(value), owner + " exports package '" + pattern + "', which exists neither in"
                        + " this compilation nor on the class path; check the spelling, or write '" + pattern
                        + ".*' to export the subpackages of " + pattern);
            }
        }
    }

    /** Whether an export pattern names a JDK package, or a {@code .*} pattern is rooted at one (or at {@code java}). */
    private static boolean namesJdkPackage(String pattern) {
        String name = pattern.endsWith(".*") ? pattern.substring(0, pattern.length() - 2) : pattern;
        return Names.isIn(name, "java") || JdkPackages.contains(name);
    }
}
