package io.netgamma.data.market;

import io.netgamma.core.market.ForwardCurveBuilder;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The note line of an underlying's index and forward curve, shared by the chain and the snapshot paths. */
final class CurveNotes {

  private CurveNotes() {
  }

  /**
   * {@code BTC: index 65666.19 (SOURCE); forward curve 9 nodes (1 future mark, 8 option forward)}.
   *
   * @param underlying the coin
   * @param index the index, USD per coin
   * @param source where the index came from
   * @param curve the built curve
   */
  static String line(String underlying, double index, String source, ForwardCurveBuilder.Result curve) {
    Map<ForwardCurveBuilder.Source, Integer> bySource = new EnumMap<>(ForwardCurveBuilder.Source.class);
    curve.nodes().forEach(n -> bySource.merge(n.source(), 1, Integer::sum));
    StringBuilder line = new StringBuilder();
    line.append(underlying).append(String.format(Locale.ROOT, ": index %.2f (%s); forward curve %d node%s", index,
        source, curve.nodes().size(), curve.nodes().size() == 1 ? "" : "s"));
    if (!bySource.isEmpty()) {
      line.append(" (");
      boolean first = true;
      for (Map.Entry<ForwardCurveBuilder.Source, Integer> e : bySource.entrySet()) {
        line.append(first ? "" : ", ").append(e.getValue()).append(' ')
            .append(e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        first = false;
      }
      line.append(')');
    }
    return line.toString();
  }

  /** The median of the values (the mean of the two middle ones for an even count); the array is not changed. */
  static double median(double[] values) {
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
  }
}
