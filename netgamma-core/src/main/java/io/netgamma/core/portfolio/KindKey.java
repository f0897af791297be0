package io.netgamma.core.portfolio;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.instrument.Settlement;
import java.util.Comparator;

/**
 * An instrument-kind bucket of one underlying: kind and settlement (inverse options apart from linear options).
 * Ordered by underlying, kind, settlement.
 *
 * @param underlying the underlying ({@code BTC})
 * @param kind option, future, perpetual or spot
 * @param settlement inverse or linear
 */
public record KindKey(String underlying, InstrumentKind kind, Settlement settlement) implements Comparable<KindKey> {

  private static final Comparator<KindKey> ORDER = Comparator.comparing(KindKey::underlying)
      .thenComparing(KindKey::kind).thenComparing(KindKey::settlement);

  /** Validates. */
  public KindKey {
    ArgChecker.notBlank(underlying, "underlying");
    ArgChecker.notNull(kind, "kind");
    ArgChecker.notNull(settlement, "settlement");
  }

  @Override
  public int compareTo(KindKey o) {
    return ORDER.compare(this, o);
  }

  /** {@code BTC inverse OPTION}. */
  @Override
  public String toString() {
    return underlying + " " + settlement.name().toLowerCase(java.util.Locale.ROOT) + " " + kind;
  }
}
