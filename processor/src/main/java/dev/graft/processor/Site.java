package dev.graft.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where a diagnostic points: an element, optionally one of its annotations, and optionally one value
 * of that annotation (an individual array element when one entry of an array is wrong).
 *
 * @param element the annotated element, or {@code null} for a diagnostic without a position
 * @param annotation the annotation on {@code element}, or {@code null}
 * @param value a value of {@code annotation}, or {@code null}
 */
record Site(Element element, AnnotationMirror annotation, AnnotationValue value) {

    /** A diagnostic without a position, for failures that concern no element. */
    static final Site NOWHERE = new Site(null, null, null);

    /**
     * @param element the element
     * @return a site pointing at the element
     */
    static Site of(Element element) {
        return new Site(element, null, null);
    }

    /**
     * @param element the element
     * @param annotation an annotation on it, or {@code null}
     * @return a site pointing at the annotation on the element
     */
    static Site of(Element element, AnnotationMirror annotation) {
        return new Site(element, annotation, null);
    }

    /**
     * @param annotationValue a value of this site's annotation
     * @return a site pointing at that value
     */
    Site at(AnnotationValue annotationValue) {
        return new Site(element, annotation, annotationValue);
    }
}
