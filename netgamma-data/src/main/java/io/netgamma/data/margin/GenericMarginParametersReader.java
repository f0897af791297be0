package io.netgamma.data.margin;

import io.netgamma.core.margin.generic.GenericMarginParameters;
import io.netgamma.core.margin.generic.GenericScenario;
import io.netgamma.data.DataFileException;
import io.netgamma.data.io.JsonObjects;
import io.netgamma.data.io.RowIssue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

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

  private GenericMarginParametersReader() {
  }

  /**
   * Reads a parameter file.
   *
   * @throws DataFileException naming the file and what is wrong
   */
  public GenericMarginParameters read(Path file) {
    return parse(JsonObjects.readFile(file, "a generic margin parameter file (JSON)", MAX_CHARS), file.toString());
  }

  /**
   * A parameter set shipped with netgamma ({@link #PARADEX_V1}, {@link #DERIVE_V1}).
   *
   * @throws DataFileException naming the resource when there is no such set
   */
  public GenericMarginParameters bundled(String fileName) {
    String resource = "/margin/" + fileName;
    String text = JsonObjects.readResource(GenericMarginParametersReader.class, resource);
    if (text == null) {
      throw new DataFileException(resource + ": no such bundled parameter set (have: " + PARADEX_V1 + ", "
          + DERIVE_V1 + ")");
    }
    return parse(text, fileName);
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
    JsonNode root = JsonObjects.parseObject(json, source, FORMAT);
    String format = text(source, root, "format");
    if (!format.equals(FORMAT)) {
      throw new DataFileException(source + ": field 'format' = '" + RowIssue.shorten(format)
          + "': not a generic margin parameter file this version reads (expected '" + FORMAT + "')");
    }
    String name = text(source, root, "name");
    String origin = text(source, root, "source");
    JsonNode list = JsonObjects.array(source, root, "", "scenarios", "scenarios");
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
    return JsonObjects.text(source, parent, "", field);
  }

  private static double number(String source, JsonNode parent, String prefix, String field) {
    return JsonObjects.number(source, parent, prefix, field, "a fraction such as 0.16, or days");
  }
}
