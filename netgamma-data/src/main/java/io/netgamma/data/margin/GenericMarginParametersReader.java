package io.netgamma.data.margin;

import io.netgamma.core.margin.generic.GenericMarginParameters;
import io.netgamma.core.margin.generic.GenericScenario;
import io.netgamma.data.DataFileException;
import io.netgamma.data.io.DataFiles;
import io.netgamma.data.io.JsonText;
import io.netgamma.data.io.RowIssue;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the parameters of the generic scenario margin model ({@link GenericMarginParameters}) from netgamma's JSON
 * parameter file, format {@value #FORMAT}:
 * <pre>
 * {"format": "netgamma-generic-margin/1",
 *  "name": "paradex-pm-v1",
 *  "source": "docs.paradex.trade/risk/portfolio-margin",
 *  "reference_days": 30, "dte_floor_days": 1, "short_term_vega_power": 0.30, "long_term_vega_power": 0.13,
 *  "perp_contingency": 0, "option_contingency": 0, "min_delta_net_rate": 0.02, "min_delta_hedged_rate": 0.01,
 *  "im_factor": 1, "mm_factor": 0.5,
 *  "scenarios": [{"spot_shock": 0.16, "vol_shock": 0.40, "weight": 1}, ...]}
 * </pre>
 * Every number is a fraction (0.16, not 16) or days; meanings and ranges are those of
 * {@link GenericMarginParameters} and {@link GenericScenario}. Every field above is required; other fields (notes,
 * {@code assumptions}) are ignored; a key given twice is an error.
 *
 * <p>Errors are {@link DataFileException}s naming the file, the field (its JSON path, e.g. {@code scenarios[3].weight})
 * and the value, e.g. {@code derive-pm-v1.json: scenarios[3]: weight must be in (0, 1], got 1.5}; a syntax error
 * names the line and column. Files are limited to {@link #MAX_CHARS} characters. Stateless; use {@link #DEFAULT}.
 * The sets the project ships are resources ({@link #bundled(String)}; {@code margin/README.md} beside them gives
 * their sources).
 */
public final class GenericMarginParametersReader {

  /** The reader. */
  public static final GenericMarginParametersReader DEFAULT = new GenericMarginParametersReader();
  /** The value of the {@code format} field this reader understands. */
  public static final String FORMAT = "netgamma-generic-margin/1";
  /** Largest accepted file in characters (a parameter file is a few kilobytes). */
  public static final int MAX_CHARS = 1 << 20;
  /** Paradex-like portfolio margin, first version (see the README beside it). */
  public static final String PARADEX_V1 = "generic-paradex-pm-v1.json";
  /** Derive-like portfolio margin, first version (see the README beside it). */
  public static final String DERIVE_V1 = "generic-derive-pm-v1.json";

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private GenericMarginParametersReader() {
  }

  /**
   * Reads a parameter file.
   *
   * @throws DataFileException naming the file and what is wrong
   */
  public GenericMarginParameters read(Path file) {
    String name = file.toString();
    String text = DataFiles.read(file, "a generic margin parameter file (JSON)", false, r -> readLimited(r, name));
    return parse(text, name);
  }

  /**
   * A parameter set shipped with netgamma ({@link #PARADEX_V1}, {@link #DERIVE_V1}).
   *
   * @throws DataFileException naming the resource when there is no such set
   */
  public GenericMarginParameters bundled(String fileName) {
    String resource = "/margin/" + fileName;
    try (InputStream in = GenericMarginParametersReader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new DataFileException(resource + ": no such bundled parameter set (have: " + PARADEX_V1 + ", "
            + DERIVE_V1 + ")");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), fileName);
    } catch (IOException e) {
      throw DataFiles.cannotRead(resource, e);
    }
  }

  /**
   * Parses JSON text.
   *
   * @param json the text
   * @param source the file name used in messages
   * @return the parameters
   * @throws DataFileException naming the source, the field and the value
   */
  public GenericMarginParameters parse(String json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw JsonText.syntaxError(source, e);
    }
    if (root == null || !root.isObject()) {
      throw new DataFileException(source + ": expected a JSON object (" + FORMAT + "), found "
          + (root == null || root.isMissingNode() ? "nothing" : root.getNodeType()));
    }
    String format = text(source, root, "format");
    if (!format.equals(FORMAT)) {
      throw new DataFileException(source + ": field 'format' = '" + RowIssue.shorten(format)
          + "': not a generic margin parameter file this version reads (expected '" + FORMAT + "')");
    }
    String name = text(source, root, "name");
    String origin = text(source, root, "source");
    JsonNode list = root.get("scenarios");
    if (list == null || list.isNull()) {
      throw new DataFileException(source + ": field 'scenarios' is missing (expected an array of scenarios)");
    }
    if (!list.isArray()) {
      throw new DataFileException(source + ": field 'scenarios' = '" + RowIssue.shorten(list.toString())
          + "': expected an array of scenarios");
    }
    List<GenericScenario> scenarios = new ArrayList<>(list.size());
    for (int s = 0; s < list.size(); s++) {
      String path = "scenarios[" + s + "]";
      JsonNode n = list.get(s);
      if (!n.isObject()) {
        throw new DataFileException(source + ": field '" + path + "' = '" + RowIssue.shorten(n.toString())
            + "': expected an object with spot_shock, vol_shock and weight");
      }
      double spot = number(source, n, path + ".", "spot_shock");
      double vol = number(source, n, path + ".", "vol_shock");
      double weight = number(source, n, path + ".", "weight");
      try {
        scenarios.add(new GenericScenario(spot, vol, weight));
      } catch (IllegalArgumentException e) {
        throw new DataFileException(source + ": " + path + ": " + e.getMessage(), e);
      }
    }
    double referenceDays = number(source, root, "", "reference_days");
    double dteFloor = number(source, root, "", "dte_floor_days");
    double shortPower = number(source, root, "", "short_term_vega_power");
    double longPower = number(source, root, "", "long_term_vega_power");
    double perp = number(source, root, "", "perp_contingency");
    double option = number(source, root, "", "option_contingency");
    double netRate = number(source, root, "", "min_delta_net_rate");
    double hedgedRate = number(source, root, "", "min_delta_hedged_rate");
    double im = number(source, root, "", "im_factor");
    double mm = number(source, root, "", "mm_factor");
    try {
      return new GenericMarginParameters(name, origin, scenarios, referenceDays, dteFloor, shortPower, longPower,
          perp, option, netRate, hedgedRate, im, mm);
    } catch (IllegalArgumentException e) {
      throw new DataFileException(source + ": " + e.getMessage(), e);
    }
  }

  private static String text(String source, JsonNode parent, String field) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      throw new DataFileException(source + ": field '" + field + "' is missing");
    }
    if (!v.isString() || v.stringValue().isBlank()) {
      throw new DataFileException(source + ": field '" + field + "' = '" + RowIssue.shorten(v.toString())
          + "': expected a non-empty string");
    }
    return v.stringValue();
  }

  private static double number(String source, JsonNode parent, String prefix, String field) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      throw new DataFileException(source + ": field '" + prefix + field + "' is missing");
    }
    double d = !v.isNumber() ? Double.NaN : v.isBigDecimal() ? v.decimalValue().doubleValue()
        : v.isBigInteger() ? v.bigIntegerValue().doubleValue() : v.doubleValue();
    if (!Double.isFinite(d)) {
      throw new DataFileException(source + ": field '" + prefix + field + "' = '"
          + RowIssue.shorten(v.isString() ? v.stringValue() : v.toString()) + "': expected a finite number (a "
          + "fraction such as 0.16, or days)");
    }
    return d;
  }

  private static String readLimited(Reader r, String name) {
    try {
      StringBuilder out = new StringBuilder();
      char[] buf = new char[8192];
      for (int k; (k = r.read(buf)) >= 0; ) {
        out.append(buf, 0, k);
        if (out.length() > MAX_CHARS) {
          throw new DataFileException(name + ": larger than " + MAX_CHARS + " characters; not a parameter file");
        }
      }
      return out.toString();
    } catch (IOException e) {
      throw DataFiles.cannotRead(name, e);
    }
  }
}
