package dev.deskcc.bench.support;

import java.util.Arrays;
import java.util.List;

/** Percentiles from sorted samples, and medians of repeated runs (no histogram library). */
public final class Stats {
  private Stats() {}

  /** The {@code p}-th percentile (nearest rank) of {@code sorted}. */
  public static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
  }

  /** The median of {@code values}. */
  public static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** Sorts a copy. */
  public static long[] sorted(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  /** The machine, for the report. */
  public static String machine() {
    Runtime rt = Runtime.getRuntime();
    return rt.availableProcessors() + " CPUs, max heap " + rt.maxMemory() / (1024 * 1024) + " MB, Java "
        + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }
}
