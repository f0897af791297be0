package io.netgamma.data.stress;

import io.netgamma.core.sim.stress.MarketShock;
import io.netgamma.core.sim.stress.StressScenario;
import io.netgamma.core.sim.stress.StressStep;
import io.netgamma.data.DataFileException;
import io.netgamma.data.io.JsonObjects;
import io.netgamma.data.io.RowIssue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads stress scenario files ({@value #FORMAT}). Stateless.
 *
 * <pre>
 * {"format": "netgamma-stress/1", "name": "my-set", "source": "where the numbers come from",
 *  "scenarios": [
 *    {"name": "2022-11-07..10", "title": "FTX collapse", "kind": "historical" (default) | "hypothetical",
 *     "source": "...",
 *     "steps": [{"label": "2022-11-08", "spot": {"BTC": -0.11281, "ETH": -0.148901},
 *                "vol": {"BTC": 0.199, "ETH": 0.2418}}, ...]}]}
 * </pre>
 *
 * Each step is the <b>cumulative</b> shock from the start of the scenario: {@code spot} relative moves (−0.11 =
 * −11%, each &gt; −1), {@code vol} absolute volatility shifts as fractions (0.20 = +20 vol points, optional);
 * underlyings not named do not move. {@code source} on a scenario is optional (the file's is used).
 */
public final class StressScenarioReader {

  /** The reader. */
  public static final StressScenarioReader DEFAULT = new StressScenarioReader();
  /** The value of the {@code format} field this reader understands. */
  public static final String FORMAT = "netgamma-stress/1";
  /** Largest accepted file in characters. */
  public static final int MAX_CHARS = 1 << 22;
  /**
   * The historical episodes bundled with netgamma: 2020-03-12, 2021-05-19, 2022-06-13..18, 2022-11-07..10 (BTC and
   * ETH; see {@code netgamma-data/src/main/resources/stress/README.md}).
   */
  public static final String HISTORICAL_V1 = "historical-v1.json";

  private StressScenarioReader() {
  }

  /**
   * Reads a scenario file.
   *
   * @throws DataFileException naming the file, the field and the value
   */
  public List<StressScenario> read(Path file) {
    return parse(JsonObjects.readFile(file, "a stress scenario file (JSON)", MAX_CHARS), file.toString());
  }

  /** The bundled historical catalogue ({@link #HISTORICAL_V1}). */
  public List<StressScenario> historical() {
    String text = JsonObjects.readResource(StressScenarioReader.class, "/stress/" + HISTORICAL_V1);
    if (text == null) {
      throw new DataFileException("/stress/" + HISTORICAL_V1 + ": bundled scenario file missing from the build");
    }
    return parse(text, HISTORICAL_V1);
  }

  /**
   * Parses JSON text.
   *
   * @param source the file name used in messages
   * @throws DataFileException naming the source, the field and the value
   */
  public List<StressScenario> parse(String json, String source) {
    JsonNode root = JsonObjects.parseObject(json, source, FORMAT);
    String format = JsonObjects.text(source, root, "", "format");
    if (!format.equals(FORMAT)) {
      throw new DataFileException(source + ": field 'format' = '" + RowIssue.shorten(format)
          + "': not a stress scenario file this version reads (expected '" + FORMAT + "')");
    }
    String fileSource = JsonObjects.text(source, root, "", "source");
    JsonNode list = JsonObjects.array(source, root, "", "scenarios", "scenarios");
    List<StressScenario> out = new ArrayList<>(list.size());
    for (int s = 0; s < list.size(); s++) {
      String path = "scenarios[" + s + "].";
      JsonNode n = list.get(s);
      if (!n.isObject()) {
        throw new DataFileException(source + ": field 'scenarios[" + s + "]' = '" + RowIssue.shorten(n.toString())
            + "': expected an object with name, title and steps");
      }
      String name = JsonObjects.text(source, n, path, "name");
      String title = JsonObjects.text(source, n, path, "title");
      String origin = n.has("source") ? JsonObjects.text(source, n, path, "source") : fileSource;
      StressScenario.Kind kind = StressScenario.Kind.HISTORICAL;
      if (n.has("kind")) {
        String k = JsonObjects.text(source, n, path, "kind");
        kind = switch (k) {
          case "historical" -> StressScenario.Kind.HISTORICAL;
          case "hypothetical" -> StressScenario.Kind.HYPOTHETICAL;
          default -> throw new DataFileException(source + ": field '" + path + "kind' = '" + RowIssue.shorten(k)
              + "': expected historical or hypothetical");
        };
      }
      JsonNode steps = JsonObjects.array(source, n, path, "steps", "steps");
      if (steps.isEmpty()) {
        throw new DataFileException(source + ": field '" + path + "steps' is empty: a scenario needs a step");
      }
      List<StressStep> parsed = new ArrayList<>(steps.size());
      for (int i = 0; i < steps.size(); i++) {
        String stepPath = path + "steps[" + i + "].";
        JsonNode st = steps.get(i);
        if (!st.isObject()) {
          throw new DataFileException(source + ": field '" + path + "steps[" + i + "]' = '"
              + RowIssue.shorten(st.toString()) + "': expected an object with label, spot and vol");
        }
        String label = JsonObjects.text(source, st, stepPath, "label");
        Map<String, Double> spot = moves(source, st, stepPath, "spot", true);
        Map<String, Double> vol = moves(source, st, stepPath, "vol", false);
        try {
          parsed.add(new StressStep(label, new MarketShock(spot, vol)));
        } catch (IllegalArgumentException e) {
          throw new DataFileException(source + ": " + stepPath + " " + e.getMessage(), e);
        }
      }
      out.add(new StressScenario(name, title, kind, parsed, origin));
    }
    return out;
  }

  private static Map<String, Double> moves(String source, JsonNode step, String path, String field,
      boolean required) {
    JsonNode m = step.get(field);
    Map<String, Double> out = new LinkedHashMap<>();
    if (m == null || m.isNull()) {
      if (required) {
        throw new DataFileException(source + ": field '" + path + field + "' is missing (an object such as "
            + "{\"BTC\": -0.2})");
      }
      return out;
    }
    if (!m.isObject()) {
      throw new DataFileException(source + ": field '" + path + field + "' = '" + RowIssue.shorten(m.toString())
          + "': expected an object of underlying to number, such as {\"BTC\": -0.2}");
    }
    for (Map.Entry<String, JsonNode> e : m.properties()) {
      out.put(e.getKey(), JsonObjects.number(source, e.getValue(), path + field + "." + e.getKey(),
          "spot".equals(field) ? "a relative move such as -0.2 for -20%" : "vol points as a fraction, 0.2 = +20"));
    }
    return out;
  }
}
