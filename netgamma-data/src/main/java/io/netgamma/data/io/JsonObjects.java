package io.netgamma.data.io;

import io.netgamma.data.DataFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Small JSON documents (parameter sets, scenario catalogues) read whole into a tree, with errors that name the
 * source, the field's path and the value. Numbers are read as decimals (no binary rounding before the
 * conversion to double); duplicate keys are an error. Stateless.
 */
public final class JsonObjects {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private JsonObjects() {
  }

  /**
   * Reads a small file as text.
   *
   * @param file the file
   * @param what what it should be, for errors ("a stress scenario file (JSON)")
   * @param maxChars the largest accepted size in characters
   * @throws DataFileException naming the file when it is missing, unreadable or too large
   */
  public static String readFile(Path file, String what, int maxChars) {
    String name = file.toString();
    return DataFiles.read(file, what, false, r -> readLimited(r, name, maxChars));
  }

  /**
   * Reads a resource bundled with netgamma as text, or null when there is none.
   *
   * @param anchor a class of the resource's module
   * @param resource the absolute resource path ({@code /stress/historical-v1.json})
   */
  public static String readResource(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw DataFiles.cannotRead(resource, e);
    }
  }

  /**
   * Parses text that must hold one JSON object.
   *
   * @param json the text
   * @param source the file name used in messages
   * @param expected what the object should be, for the message ("a stress scenario file")
   * @throws DataFileException naming the source on a syntax error or when the root is not an object
   */
  public static JsonNode parseObject(String json, String source, String expected) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw JsonText.syntaxError(source, e);
    }
    if (root == null || !root.isObject()) {
      throw new DataFileException(source + ": expected a JSON object (" + expected + "), found "
          + (root == null || root.isMissingNode() ? "nothing" : root.getNodeType()));
    }
    return root;
  }

  /**
   * A required non-blank string field.
   *
   * @param prefix the path of {@code parent} in the document with a trailing dot ({@code scenarios[2].}), or empty
   * @throws DataFileException naming source, field and value when it is missing or not a non-empty string
   */
  public static String text(String source, JsonNode parent, String prefix, String field) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      throw new DataFileException(source + ": field '" + prefix + field + "' is missing");
    }
    if (!v.isString() || v.stringValue().isBlank()) {
      throw new DataFileException(source + ": field '" + prefix + field + "' = '" + RowIssue.shorten(v.toString())
          + "': expected a non-empty string");
    }
    return v.stringValue();
  }

  /**
   * A required finite number field.
   *
   * @param expectation what the number should be, for the message ("a fraction such as 0.16, or days")
   * @throws DataFileException naming source, field and value when it is missing, not a number or not finite
   */
  public static double number(String source, JsonNode parent, String prefix, String field, String expectation) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      throw new DataFileException(source + ": field '" + prefix + field + "' is missing");
    }
    return number(source, v, prefix + field, expectation);
  }

  /**
   * A node that must be a finite number.
   *
   * @param path the node's path in the document, for the message
   * @throws DataFileException naming source, path and value otherwise
   */
  public static double number(String source, JsonNode v, String path, String expectation) {
    double d = !v.isNumber() ? Double.NaN : v.isBigDecimal() ? v.decimalValue().doubleValue()
        : v.isBigInteger() ? v.bigIntegerValue().doubleValue() : v.doubleValue();
    if (!Double.isFinite(d)) {
      throw new DataFileException(source + ": field '" + path + "' = '"
          + RowIssue.shorten(v.isString() ? v.stringValue() : v.toString()) + "': expected a finite number ("
          + expectation + ")");
    }
    return d;
  }

  /**
   * A required array field.
   *
   * @param elements what the elements are, for the message ("scenarios")
   * @throws DataFileException naming source and field when it is missing or not an array
   */
  public static JsonNode array(String source, JsonNode parent, String prefix, String field, String elements) {
    JsonNode list = parent.get(field);
    if (list == null || list.isNull()) {
      throw new DataFileException(source + ": field '" + prefix + field + "' is missing (expected an array of "
          + elements + ")");
    }
    if (!list.isArray()) {
      throw new DataFileException(source + ": field '" + prefix + field + "' = '" + RowIssue.shorten(list.toString())
          + "': expected an array of " + elements);
    }
    return list;
  }

  private static String readLimited(Reader r, String name, int maxChars) {
    try {
      StringBuilder out = new StringBuilder();
      char[] buf = new char[8192];
      for (int k; (k = r.read(buf)) >= 0; ) {
        out.append(buf, 0, k);
        if (out.length() > maxChars) {
          throw new DataFileException(name + ": larger than " + maxChars + " characters; too large for this kind of file");
        }
      }
      return out.toString();
    } catch (IOException e) {
      throw DataFiles.cannotRead(name, e);
    }
  }
}
