package io.netgamma.data.margin;

import io.netgamma.core.instrument.Instrument;
import io.netgamma.core.instrument.InstrumentKind;
import io.netgamma.core.margin.pm.CurrencyParameters;
import io.netgamma.core.margin.pm.PairParameters;
import io.netgamma.core.margin.pm.PmParameters;
import io.netgamma.core.portfolio.PortfolioValuation;
import io.netgamma.data.DataFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Deribit portfolio-margin parameters in the JSON shape of the {@code model_params} object of
 * {@code private/pme/simulate}: {@code {"currency_pair": {"btc_usd": {...}}, "currency": {"btc": {...}, "usd":
 * {...}}, "general": {"mm_factor": 0.8, "buckets_count": 4, "vol_scenarios_count": 3, "timestamp": ...}}}. The
 * object may also be wrapped: {@code {"model_params": {...}}}, a simulate result, or the JSON-RPC envelope
 * {@code {"result": {"model_params": {...}}}}. Unknown fields are ignored; every field netgamma uses is required
 * and checked (a number where a number is expected, in its documented range).
 *
 * <p>Errors are {@link DataFileException}s naming the file, the JSON path of the field and the value, e.g.
 * {@code deribit-pm-btc-2024-06.json: currency_pair.btc_usd.price_range: expected a number, got "16%"}. Files are
 * limited to {@link #MAX_BYTES}. Stateless; use {@link #DEFAULT}. The parameter sets the project ships are
 * resources ({@link #bundled(String)}; see {@code margin/README.md} beside them for their sources).
 */
public final class PmParametersReader {

  /** The reader. */
  public static final PmParametersReader DEFAULT = new PmParametersReader();
  /** Largest accepted file (a parameter file is a few kilobytes). */
  public static final long MAX_BYTES = 1 << 20;
  /** Deribit BTC parameters of 2024-06-17 (Deribit's API documentation example). */
  public static final String BTC_2024_06 = "deribit-pm-btc-2024-06.json";
  /** Deribit ETH parameters of 2026-02-15 (a published real simulate response). */
  public static final String ETH_2026_02 = "deribit-pm-eth-2026-02.json";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private PmParametersReader() {
  }

  /**
   * Reads a parameter file.
   *
   * @throws DataFileException naming the file and what is wrong
   */
  public PmParameters read(Path file) {
    String name = file.toString();
    try {
      if (!Files.isRegularFile(file)) {
        throw new DataFileException(name + ": no such file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new DataFileException(name + ": larger than " + MAX_BYTES + " bytes; not a parameter file");
      }
      return parse(Files.readString(file), name);
    } catch (IOException e) {
      throw new DataFileException(name + ": read failed: " + e.getMessage(), e);
    }
  }

  /**
   * A parameter set shipped with netgamma ({@link #BTC_2024_06}, {@link #ETH_2026_02}).
   *
   * @throws DataFileException naming the resource when there is no such set
   */
  public PmParameters bundled(String fileName) {
    String resource = "/margin/" + fileName;
    try (InputStream in = PmParametersReader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new DataFileException(resource + ": no such bundled parameter set (have: " + BTC_2024_06 + ", "
            + ETH_2026_02 + ")");
      }
      return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), fileName);
    } catch (IOException e) {
      throw new DataFileException(resource + ": read failed: " + e.getMessage(), e);
    }
  }

  /** The set bundled for each inverse underlying ({@link #BTC_2024_06}, {@link #ETH_2026_02}), by underlying. */
  public static final Map<String, String> BUNDLED = Map.of("BTC", BTC_2024_06, "ETH", ETH_2026_02);

  /**
   * The bundled sets that cover every risk group of a valued book, merged: one per underlying of its inverse
   * options, futures and perpetuals with a non-zero net quantity (BTC alone for a book without any).
   *
   * @throws IllegalArgumentException naming the first instrument no bundled set covers (a linear product, another
   *     coin) and saying to give a parameter file
   */
  public PmParameters bundledFor(PortfolioValuation valuation) {
    TreeSet<String> needed = new TreeSet<>();
    for (int j = 0; j < valuation.instrumentCount(); j++) {
      Instrument ins = valuation.instrumentAt(j);
      if (ins.kind() == InstrumentKind.SPOT || valuation.netQuantity(j) == 0) {
        continue;
      }
      if (!ins.isInverse() || !BUNDLED.containsKey(ins.underlying())) {
        throw new IllegalArgumentException("no Deribit portfolio-margin parameters are bundled for " + ins.name()
            + " (" + ins.underlying() + (ins.isInverse() ? "" : ", linear in " + ins.settlementCurrency())
            + "; bundled: inverse BTC and ETH): give a parameter file with its currency pair and currency");
      }
      needed.add(ins.underlying());
    }
    if (needed.isEmpty()) {
      needed.add("BTC"); // a book of spot or flat positions: no risk group, any set will do
    }
    PmParameters p = null;
    for (String u : needed) {
      PmParameters set = bundled(BUNDLED.get(u));
      p = p == null ? set : p.merge(set);
    }
    return p;
  }

  /**
   * Parses JSON text.
   *
   * @param json the text
   * @param source the name used in messages and kept as {@link PmParameters#source()}
   * @throws DataFileException naming the source, the field and the value
   */
  public PmParameters parse(String json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new DataFileException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new DataFileException(source + ": expected a JSON object (Deribit model_params), found "
          + (root == null || root.isMissingNode() ? "nothing" : root.getNodeType()));
    }
    String prefix = "";
    if (root.has("result") && root.get("result").isObject()) {
      root = root.get("result");
      prefix = "result.";
    }
    if (root.has("model_params")) {
      root = root.get("model_params");
      prefix += "model_params.";
    }
    Ctx c = new Ctx(source);
    JsonNode pairsNode = c.object(root, "currency_pair", prefix + "currency_pair");
    JsonNode ccyNode = c.object(root, "currency", prefix + "currency");
    JsonNode general = c.object(root, "general", prefix + "general");
    Map<String, PairParameters> pairs = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : pairsNode.properties()) {
      String p = prefix + "currency_pair." + e.getKey();
      JsonNode n = c.object(e.getValue(), p);
      pairs.put(e.getKey(), c.build(p, () -> new PairParameters(
          c.num(n, p, "price_range"), c.num(n, p, "volatility_range_up"), c.num(n, p, "volatility_range_down"),
          c.num(n, p, "min_volatility_for_shock_up"), c.num(n, p, "short_term_vega_power"),
          c.num(n, p, "long_term_vega_power"), c.num(n, p, "extended_table_factor"), c.num(n, p, "max_delta_shock"),
          c.num(n, p, "delta_total_liq_shock_threshold"), c.num(n, p, "m_inc"))));
    }
    Map<String, CurrencyParameters> currencies = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : ccyNode.properties()) {
      String p = prefix + "currency." + e.getKey();
      JsonNode n = c.object(e.getValue(), p);
      currencies.put(e.getKey(), c.build(p, () -> new CurrencyParameters(
          c.num(n, p, "pnl_offset"), c.num(n, p, "max_offsetable_pnl"), c.num(n, p, "annualised_move_risk"),
          c.num(n, p, "min_annualised_move"), c.num(n, p, "extended_dampener"), c.num(n, p, "haircut"),
          c.text(n, p, "equity_side_impact"), c.bool(n, p, "correlation_set"))));
    }
    String g = prefix + "general";
    return c.build(g, () -> new PmParameters(pairs, currencies, c.num(general, g, "mm_factor"),
        (int) c.integer(general, g, "buckets_count"), (int) c.integer(general, g, "vol_scenarios_count"),
        general.has("timestamp") ? (long) c.integer(general, g, "timestamp") : 0L, source));
  }

  /** Field access with messages naming the source, the path and the value. */
  private record Ctx(String source) {

    JsonNode object(JsonNode parent, String field, String path) {
      JsonNode n = parent.get(field);
      if (n == null) {
        throw new DataFileException(source + ": " + path + ": missing (expected an object)");
      }
      return object(n, path);
    }

    JsonNode object(JsonNode n, String path) {
      if (!n.isObject()) {
        throw new DataFileException(source + ": " + path + ": expected an object, got " + n);
      }
      return n;
    }

    private JsonNode field(JsonNode n, String path, String field) {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) {
        throw new DataFileException(source + ": " + path + "." + field + ": missing");
      }
      return v;
    }

    double num(JsonNode n, String path, String field) {
      JsonNode v = field(n, path, field);
      if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
        throw new DataFileException(source + ": " + path + "." + field + ": expected a number, got " + v);
      }
      return v.doubleValue();
    }

    long integer(JsonNode n, String path, String field) {
      JsonNode v = field(n, path, field);
      if (!v.isIntegralNumber() || !v.canConvertToLong()) {
        throw new DataFileException(source + ": " + path + "." + field + ": expected an integer, got " + v);
      }
      return v.longValue();
    }

    String text(JsonNode n, String path, String field) {
      JsonNode v = field(n, path, field);
      if (!v.isString()) {
        throw new DataFileException(source + ": " + path + "." + field + ": expected a string, got " + v);
      }
      return v.stringValue();
    }

    boolean bool(JsonNode n, String path, String field) {
      JsonNode v = field(n, path, field);
      if (!v.isBoolean()) {
        throw new DataFileException(source + ": " + path + "." + field + ": expected true or false, got " + v);
      }
      return v.booleanValue();
    }

    <T> T build(String path, java.util.function.Supplier<T> make) {
      try {
        return make.get();
      } catch (IllegalArgumentException e) {
        if (e instanceof DataFileException) {
          throw e;
        }
        throw new DataFileException(source + ": " + path + ": " + e.getMessage(), e);
      }
    }
  }
}
