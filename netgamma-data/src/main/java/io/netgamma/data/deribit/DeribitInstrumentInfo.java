package io.netgamma.data.deribit;

import io.netgamma.data.io.JsonFields;
import io.netgamma.data.io.BadRow;
import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.instrument.OptionType;
import io.netgamma.core.instrument.Settlement;
import io.netgamma.data.io.IssueKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Contract metadata of one instrument from Deribit {@code public/get_instruments} (or {@code get_instrument}), as
 * read by {@link DeribitJsonReader#readInstruments}. The venue's own fields are checked against the parsed name:
 * {@code kind}, {@code instrument_type} (settlement), {@code expiration_timestamp}, {@code strike} and
 * {@code option_type} must agree with it.
 *
 * <p>Units: {@code tickSize} in the instrument's price unit (coin for inverse options, USD for inverse futures);
 * {@code contractSize} and {@code minTradeAmount} in contract units (coins for options and linear futures, USD for
 * inverse futures and perpetuals); commissions as fractions. Absent strings are {@code ""}, absent numbers NaN.
 *
 * @param instrument the instrument ({@code instrument_name})
 * @param kind Deribit's {@code kind}: {@code option}, {@code future} (dated futures and perpetuals) or {@code spot}
 * @param baseCurrency {@code base_currency}, or ""
 * @param quoteCurrency {@code quote_currency} as Deribit states it (for inverse options the coin), or ""
 * @param counterCurrency {@code counter_currency}, or ""
 * @param settlementCurrency {@code settlement_currency}, or ""
 * @param instrumentType {@code instrument_type}: {@code reversed} (inverse) or {@code linear}, or ""
 * @param settlementPeriod {@code settlement_period}: {@code day}, {@code week}, {@code month}, {@code perpetual}...,
 *     or ""
 * @param priceIndex {@code price_index}, e.g. {@code btc_usd}, or ""
 * @param tickSize {@code tick_size}, &gt; 0
 * @param tickSizeSteps {@code tick_size_steps}: larger ticks above given prices, by ascending price; may be empty
 * @param contractSize {@code contract_size}, &gt; 0
 * @param minTradeAmount {@code min_trade_amount}, &gt; 0
 * @param makerCommission {@code maker_commission}, or NaN
 * @param takerCommission {@code taker_commission}, or NaN
 * @param expirationTimestampMillis {@code expiration_timestamp} as sent, epoch milliseconds (Deribit sends
 *     year 3000 for perpetuals and spot)
 * @param active {@code is_active}
 */
public record DeribitInstrumentInfo(
    Instrument instrument,
    String kind,
    String baseCurrency,
    String quoteCurrency,
    String counterCurrency,
    String settlementCurrency,
    String instrumentType,
    String settlementPeriod,
    String priceIndex,
    double tickSize,
    List<TickSizeStep> tickSizeSteps,
    double contractSize,
    double minTradeAmount,
    double makerCommission,
    double takerCommission,
    long expirationTimestampMillis,
    boolean active) {

  /** Checks for nulls and positive sizes; copies the steps. */
  public DeribitInstrumentInfo {
    ArgChecker.notNull(instrument, "instrument");
    for (String s : new String[] {kind, baseCurrency, quoteCurrency, counterCurrency, settlementCurrency,
        instrumentType, settlementPeriod, priceIndex}) {
      ArgChecker.notNull(s, "string fields (\"\" when absent)");
    }
    ArgChecker.positive(tickSize, instrument.name() + " tick_size");
    tickSizeSteps = List.copyOf(tickSizeSteps);
    ArgChecker.positive(contractSize, instrument.name() + " contract_size");
    ArgChecker.positive(minTradeAmount, instrument.name() + " min_trade_amount");
  }

  /**
   * One step of {@code tick_size_steps}: above {@code abovePrice} the tick is {@code tickSize}.
   *
   * @param abovePrice the price above which the step applies, &gt; 0
   * @param tickSize the tick there, &gt; 0
   */
  public record TickSizeStep(double abovePrice, double tickSize) {

    /** Checks both are positive. */
    public TickSizeStep {
      ArgChecker.positive(abovePrice, "above_price");
      ArgChecker.positive(tickSize, "tick_size");
    }
  }

  /** The expiry, or null for perpetuals and spot (whose Deribit expiration is a far-future placeholder). */
  public Instant expiry() {
    return instrument.expiry();
  }

  /** Parses an instrument name, as a {@code BAD_SYMBOL} issue when it is not one netgamma models. */
  static Instrument parse(JsonFields f, String field, String name) throws BadRow {
    try {
      return Instrument.parse(name);
    } catch (IllegalArgumentException e) {
      throw f.bad(field, IssueKind.BAD_SYMBOL, e.getMessage());
    }
  }

  /** Maps one result object. */
  static DeribitInstrumentInfo from(JsonFields f) throws BadRow {
    String name = f.string("instrument_name", true);
    String kind = f.string("kind", true);
    if (kind.endsWith("_combo")) {
      f.name(name);
      throw f.bad("kind", IssueKind.BAD_SYMBOL, "combination instruments are not modelled");
    }
    Instrument instrument = parse(f, "instrument_name", name);
    f.name(name);
    boolean kindOk = switch (kind) {
      case "option" -> instrument.kind() == InstrumentKind.OPTION;
      case "future" -> instrument.kind() == InstrumentKind.FUTURE || instrument.kind() == InstrumentKind.PERPETUAL;
      case "spot" -> instrument.kind() == InstrumentKind.SPOT;
      default -> throw f.bad("kind", IssueKind.BAD_VALUE, "expected option, future or spot");
    };
    if (!kindOk) {
      throw f.bad("kind", IssueKind.INCONSISTENT, "the name is a " + instrument.kind().name().toLowerCase(Locale.ROOT));
    }
    String instrumentType = f.string("instrument_type", false);
    if (!instrumentType.isEmpty()) {
      Settlement s = switch (instrumentType) {
        case "reversed" -> Settlement.INVERSE;
        case "linear" -> Settlement.LINEAR;
        default -> throw f.bad("instrument_type", IssueKind.BAD_VALUE, "expected reversed or linear");
      };
      if (s != instrument.settlement()) {
        throw f.bad("instrument_type", IssueKind.INCONSISTENT, "the name is " + instrument.settlement().name()
            .toLowerCase(Locale.ROOT));
      }
    }
    long expiration = f.integer("expiration_timestamp");
    if (instrument.expiry() != null && expiration != instrument.expiry().toEpochMilli()) {
      throw f.bad("expiration_timestamp", IssueKind.INCONSISTENT, "is " + Instant.ofEpochMilli(expiration)
          + " but the name expires " + instrument.expiry());
    }
    if (instrument.isOption()) {
      double strike = f.positive("strike", true);
      if (strike != instrument.strike()) {
        throw f.bad("strike", IssueKind.INCONSISTENT, "the name has strike " + Instrument.formatStrike(
            instrument.strike()));
      }
      String type = f.string("option_type", true);
      OptionType t;
      try {
        t = OptionType.parse(type);
      } catch (IllegalArgumentException e) {
        throw f.bad("option_type", IssueKind.BAD_VALUE, "expected call or put");
      }
      if (t != instrument.optionType()) {
        throw f.bad("option_type", IssueKind.INCONSISTENT, "the name is a " + instrument.optionType().name()
            .toLowerCase(Locale.ROOT));
      }
    }
    double tick = f.positive("tick_size", true);
    List<TickSizeStep> steps = new ArrayList<>();
    JsonNode stepsNode = f.get("tick_size_steps");
    if (stepsNode != null) {
      if (!stepsNode.isArray()) {
        throw f.bad("tick_size_steps", IssueKind.BAD_VALUE, "expected an array of {above_price, tick_size}");
      }
      double previous = 0;
      for (int i = 0; i < stepsNode.size(); i++) {
        JsonNode s = stepsNode.get(i);
        JsonNode above = s.get("above_price");
        JsonNode size = s.get("tick_size");
        if (above == null || size == null || !above.isNumber() || !size.isNumber() || !(above.doubleValue() > 0)
            || !(size.doubleValue() > 0) || above.doubleValue() <= previous) {
          throw f.bad("tick_size_steps", IssueKind.BAD_VALUE, "step " + i + " is " + s + ": expected "
              + "above_price > 0 (ascending) and tick_size > 0");
        }
        previous = above.doubleValue();
        steps.add(new TickSizeStep(above.doubleValue(), size.doubleValue()));
      }
    }
    double contract = f.positive("contract_size", true);
    double minTrade = f.positive("min_trade_amount", true);
    return new DeribitInstrumentInfo(instrument, kind, f.string("base_currency", false),
        f.string("quote_currency", false), f.string("counter_currency", false),
        f.string("settlement_currency", false), instrumentType, f.string("settlement_period", false),
        f.string("price_index", false), tick, steps, contract, minTrade, f.number("maker_commission", false),
        f.number("taker_commission", false), expiration, f.bool("is_active"));
  }
}
