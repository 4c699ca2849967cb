package dev.graft.bench;

import java.util.ArrayList;
import java.util.List;

/** Median and spread of repeated measurements. */
record Stats(double median, double min, double max) {

    static Stats of(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(median, sorted.get(0), sorted.get(n - 1));
    }

    String format(String unit) {
        return String.format("%.0f%s [%.0f-%.0f]", median, unit, min, max);
    }
}
