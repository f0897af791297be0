package io.netgamma.core.pricing;

/**
 * The batch kernels. {@link #best()} is the one to use: the SIMD kernel when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, else the scalar kernel. Both compute the same 13 results with the
 * formulas, limits and units of {@link Black76#priceAndGreeks}, and agree with each other to 1e-13 relative
 * (absolute floor 1e-13 of each field's scale). All returned pricers are stateless, thread-safe singletons.
 *
 * <p>{@link VectorBatchPricer} is loaded reflectively, so netgamma-core loads and runs on a JVM without the
 * incubator module.
 */
public final class BatchPricers {

  private static final String VECTOR_MODULE = "jdk.incubator.vector";
  private static final String VECTOR_CLASS = "io.netgamma.core.pricing.VectorBatchPricer";

  private BatchPricers() {
  }

  /** The scalar kernel; always available. */
  public static BatchPricer scalar() {
    return ScalarBatchPricer.INSTANCE;
  }

  /**
   * The SIMD kernel.
   *
   * @throws IllegalStateException if the Vector API module is not in the boot layer (start the JVM
   *     with {@code --add-modules jdk.incubator.vector}) or the kernel fails to load; the message says which
   */
  public static BatchPricer vector() {
    if (VectorHolder.PRICER == null) {
      throw new IllegalStateException(VectorHolder.FAILURE);
    }
    return VectorHolder.PRICER;
  }

  /** The SIMD kernel if {@link #vectorAvailable()}, else the scalar kernel. */
  public static BatchPricer best() {
    return VectorHolder.PRICER != null ? VectorHolder.PRICER : ScalarBatchPricer.INSTANCE;
  }

  /**
   * Whether the SIMD kernel is usable: the Vector API module is in the boot layer, the kernel loaded, and it
   * agreed with the scalar kernel on a few options when it was first loaded.
   */
  public static boolean vectorAvailable() {
    return VectorHolder.PRICER != null;
  }

  /** Lazy, once-only loading of the SIMD kernel. */
  private static final class VectorHolder {
    static final BatchPricer PRICER;
    static final String FAILURE;

    static {
      BatchPricer pricer = null;
      String failure = null;
      if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
        failure = "the SIMD batch kernel needs the Vector API: start the JVM with --add-modules " + VECTOR_MODULE;
      } else {
        try {
          BatchPricer loaded = (BatchPricer) Class.forName(VECTOR_CLASS).getConstructor().newInstance();
          failure = smokeTest(loaded);
          pricer = failure == null ? loaded : null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
          failure = "the SIMD batch kernel failed to load: " + e;
        }
      }
      PRICER = pricer;
      FAILURE = failure;
    }

    /** Prices a few options (whole vectors and a tail) and compares with the scalar kernel; null if they agree. */
    private static String smokeTest(BatchPricer candidate) {
      int n = 19;
      OptionBatch in = OptionBatch.allocate(n);
      for (int i = 0; i < n; i++) {
        in.set(i, i % 2 == 0 ? 1.0 : -1.0, 100.0, 70.0 + 3.0 * i, 0.25, 0.6, 0.0);
      }
      GreeksBatch expected = GreeksBatch.allocate(n);
      GreeksBatch actual = GreeksBatch.allocate(n);
      ScalarBatchPricer.INSTANCE.priceAndGreeks(in, expected);
      candidate.priceAndGreeks(in, actual);
      for (int i = 0; i < n; i++) {
        double e = expected.price[i];
        if (!(Math.abs(actual.price[i] - e) <= 1e-13 * (Math.abs(e) + 100.0))) {
          return "the SIMD batch kernel disagrees with the scalar kernel at option " + i + ": price "
              + actual.price[i] + " vs " + e;
        }
      }
      return null;
    }
  }
}
