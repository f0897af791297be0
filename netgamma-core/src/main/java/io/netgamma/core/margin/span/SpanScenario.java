package io.netgamma.core.margin.span;

import io.netgamma.core.base.ArgChecker;
import java.util.List;
import java.util.Locale;

/**
 * One of SPAN's 16 risk scenarios.
 *
 * @param number 1..16, SPAN's numbering
 * @param priceMultiple the price move as a multiple of the price scan range (0, ±1/3, ±2/3, ±1, or ±the extreme
 *     multiple)
 * @param volDirection +1 vol up by the scan range, −1 down, 0 unchanged (the extreme scenarios)
 * @param weight the fraction of the scenario's P&amp;L that counts: 1, or the cover fraction for 15 and 16
 */
public record SpanScenario(int number, double priceMultiple, int volDirection, double weight) {

  /** Validates. */
  public SpanScenario {
    ArgChecker.isTrue(number >= 1 && number <= 16, "SPAN scenario number must be 1..16, got " + number);
    ArgChecker.finite(priceMultiple, "scenario " + number + " price multiple");
    ArgChecker.isTrue(volDirection >= -1 && volDirection <= 1,
        "scenario " + number + " vol direction must be -1, 0 or 1, got " + volDirection);
    ArgChecker.isTrue(weight > 0 && weight <= 1, "scenario " + number + " weight must be in (0, 1], got " + weight);
  }

  /**
   * SPAN's standard table: 1–2 price unchanged, vol up / down; 3–4 up 1/3; 5–6 down 1/3; 7–8 up 2/3; 9–10 down 2/3;
   * 11–12 up 3/3; 13–14 down 3/3 (odd numbers vol up, even vol down), all counted in full; 15 up and 16 down by the
   * extreme multiple, vol unchanged, counted at the cover fraction.
   *
   * @param extremeMultiple multiple of the range of scenarios 15 and 16
   * @param coverFraction the fraction of their P&amp;L that counts
   * @return the 16 scenarios in SPAN's order
   */
  public static List<SpanScenario> table(double extremeMultiple, double coverFraction) {
    double[] multiples = {0, 1.0 / 3, -1.0 / 3, 2.0 / 3, -2.0 / 3, 1, -1};
    SpanScenario[] out = new SpanScenario[16];
    for (int p = 0; p < multiples.length; p++) {
      out[2 * p] = new SpanScenario(2 * p + 1, multiples[p], 1, 1.0);
      out[2 * p + 1] = new SpanScenario(2 * p + 2, multiples[p], -1, 1.0);
    }
    out[14] = new SpanScenario(15, extremeMultiple, 0, coverFraction);
    out[15] = new SpanScenario(16, -extremeMultiple, 0, coverFraction);
    return List.of(out);
  }

  /** True for the extreme-move scenarios (15 and 16). */
  public boolean isExtreme() {
    return number > 14;
  }

  /** The price move, fraction, for a scan range. */
  public double move(double priceScanRange) {
    return priceMultiple * priceScanRange;
  }

  /**
   * In words, e.g. {@code scenario 13 of 16: price -3/3 of range (-15.00%), vol up} or {@code scenario 16 of 16:
   * price -2x range (-30.00%), vol unchanged, 35% counted}.
   */
  public String describe(double priceScanRange) {
    String price;
    if (isExtreme()) {
      price = String.format(Locale.ROOT, "%s%sx range", priceMultiple < 0 ? "-" : "+",
          trim(Math.abs(priceMultiple)));
    } else if (priceMultiple == 0) {
      price = "unchanged";
    } else {
      price = String.format(Locale.ROOT, "%s%d/3 of range", priceMultiple < 0 ? "-" : "+",
          Math.round(Math.abs(priceMultiple) * 3));
    }
    String vol = volDirection > 0 ? "up" : volDirection < 0 ? "down" : "unchanged";
    return String.format(Locale.ROOT, "scenario %d of 16: price %s (%+.2f%%), vol %s%s", number, price,
        100 * move(priceScanRange), vol, weight < 1 ? ", " + trim(100 * weight) + "% counted" : "");
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
