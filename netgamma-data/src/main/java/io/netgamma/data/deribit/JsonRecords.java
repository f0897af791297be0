package io.netgamma.data.deribit;

import io.netgamma.data.io.JsonFields;
import io.netgamma.data.io.BadRow;
import io.netgamma.data.io.LineReader;
import io.netgamma.data.DataFileException;
import io.netgamma.data.io.IssueKind;
import io.netgamma.data.io.ReadSummary;
import io.netgamma.data.io.RowIssue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.EnumMap;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The streaming engine of {@link DeribitJsonReader}: finds the layout of a file of Deribit result objects and hands
 * each object to a mapper, counting and reporting bad ones. Layouts:
 * <ul>
 *   <li><b>JSON lines</b>: one JSON value per line (the first non-blank line is a complete object): a result
 *       object, a JSON-RPC response {@code {"jsonrpc":"2.0","result":...}} whose result is an object or an array of
 *       objects, a subscription notification {@code {"method":"subscription","params":{"data":...}}}, or an array
 *       of result objects. A line that is not valid JSON is a bad row; reading goes on with the next line.</li>
 *   <li><b>A JSON document</b> (anything else starting with {@code [} or <code>{</code>, pretty-printed or not): a
 *       top-level array of result objects, a JSON-RPC response (its {@code result} array is streamed element by
 *       element), or a single result object; several top-level values may follow each other. A syntax error ends
 *       the read with a {@link DataFileException} giving line and column (the records before it have been
 *       delivered).</li>
 * </ul>
 * Memory holds one result object at a time (plus one line in JSON-lines layout). Stateless.
 */
final class JsonRecords {

  static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .build();

  private JsonRecords() {
  }

  /** Maps one result object; throws {@link BadRow} to skip it. */
  interface Mapper<T> {
    T map(JsonFields fields) throws BadRow;
  }

  static <T> ReadSummary read(Reader reader, String source, int maxLineLength, long maxRecords, String what,
      Mapper<T> mapper, Consumer<? super T> out, Consumer<RowIssue> issues) {
    Run<T> run = new Run<>(source, maxRecords, mapper, out, issues);
    BufferedReader in = new BufferedReader(reader, 1 << 16);
    try {
      boolean jsonLines = detect(in, source, maxLineLength, what);
      if (jsonLines) {
        run.jsonLines(in, maxLineLength);
      } else {
        run.document(in);
      }
      return new ReadSummary(source, run.read, run.accepted, run.skipped);
    } catch (IOException | JacksonIOException e) {
      throw new DataFileException(source + ": read failed: " + e.getMessage(), e);
    }
  }

  /**
   * Decides the layout and leaves {@code in} at its start (past a byte-order mark). True for JSON lines.
   */
  private static boolean detect(BufferedReader in, String source, int maxLineLength, String what)
      throws IOException {
    in.mark(maxLineLength + 16);
    int c;
    int consumed = 0;
    boolean bom = false;
    do {
      c = in.read();
      consumed++;
      if (consumed == 1 && c == '\uFEFF') {
        bom = true;
        c = ' ';
      }
    } while (c >= 0 && Character.isWhitespace(c) && consumed <= maxLineLength);
    if (c < 0) {
      throw new DataFileException(source + ": the file is empty; expected " + what);
    }
    boolean jsonLines = false;
    if (c == '{') {
      StringBuilder first = new StringBuilder().append('{');
      int d;
      while ((d = in.read()) >= 0 && d != '\n' && ++consumed <= maxLineLength) {
        first.append((char) d);
      }
      if (consumed <= maxLineLength) {
        try {
          MAPPER.readTree(first.toString());
          jsonLines = true;
        } catch (JacksonException e) {
          // An object that goes on past the first line is a (pretty-printed) document; any other error is a
          // broken first line of a JSON-lines file, reported as a bad row.
          jsonLines = !endOfInput(e);
        }
      }
    } else if (c != '[') {
      throw new DataFileException(source + ": not JSON: the first character is '" + (char) c + "'; expected " + what
          + " as JSON lines, a JSON array or a JSON-RPC response");
    }
    in.reset();
    if (bom) {
      in.read();
    }
    return jsonLines;
  }

  private static boolean endOfInput(JacksonException e) {
    String m = e.getOriginalMessage();
    return e instanceof UnexpectedEndOfInputException || (m != null && m.contains("end-of-input"));
  }

  /** One read: counts and delivery. */
  private static final class Run<T> {
    final String source;
    final long maxRecords;
    final Mapper<T> mapper;
    final Consumer<? super T> out;
    final Consumer<RowIssue> issues;
    final EnumMap<IssueKind, Long> skipped = new EnumMap<>(IssueKind.class);
    long read;
    long accepted;

    Run(String source, long maxRecords, Mapper<T> mapper, Consumer<? super T> out, Consumer<RowIssue> issues) {
      this.source = source;
      this.maxRecords = maxRecords;
      this.mapper = mapper;
      this.out = out;
      this.issues = issues;
    }

    private void count() {
      read++;
      if (read > maxRecords) {
        throw new DataFileException(source + ": more than " + maxRecords + " records (the reader's limit); "
            + "raise the limit or split the file");
      }
    }

    void skip(RowIssue issue) {
      skipped.merge(issue.kind(), 1L, Long::sum);
      issues.accept(issue);
    }

    void deliver(JsonNode node, long line, String prefix) {
      count();
      T value;
      try {
        value = mapper.map(new JsonFields(source, line, prefix, node));
      } catch (BadRow e) {
        skip(e.issue());
        return;
      }
      accepted++;
      out.accept(value);
    }

    /** A value that should be a result object (or, at the top of a line, an array or envelope of them). */
    void value(JsonNode node, long line, String prefix, boolean topLevel) {
      if (node.isObject()) {
        if (topLevel && (node.has("jsonrpc") || node.has("result"))) {
          envelope(node, line);
        } else {
          deliver(node, line, prefix);
        }
      } else if (node.isArray() && topLevel) {
        for (int i = 0; i < node.size(); i++) {
          value(node.get(i), line, prefix + "[" + i + "].", false);
        }
      } else {
        count();
        String field = prefix.isEmpty() ? RowIssue.WHOLE_LINE : prefix.substring(0, prefix.length() - 1);
        skip(new RowIssue(source, Math.max(1, line), field, node.toString(), IssueKind.BAD_VALUE,
            "expected a JSON object (a Deribit result), found " + kind(node)));
      }
    }

    private void envelope(JsonNode node, long line) {
      JsonNode error = node.get("error");
      JsonNode result = node.get("result");
      JsonNode params = node.get("params");
      if (error != null && !error.isNull()) {
        count();
        skip(new RowIssue(source, Math.max(1, line), "error", error.toString(), IssueKind.BAD_VALUE,
            "a JSON-RPC error response, not a result"));
      } else if (result != null && !result.isNull()) {
        if (result.isArray()) {
          for (int i = 0; i < result.size(); i++) {
            value(result.get(i), line, "result[" + i + "].", false);
          }
        } else {
          value(result, line, "result.", false);
        }
      } else if (params != null && params.get("data") != null) {
        JsonNode data = params.get("data");
        if (data.isArray()) {
          for (int i = 0; i < data.size(); i++) {
            value(data.get(i), line, "params.data[" + i + "].", false);
          }
        } else {
          value(data, line, "params.data.", false);
        }
      } else {
        count();
        skip(new RowIssue(source, Math.max(1, line), "result", "", IssueKind.MISSING_FIELD,
            "a JSON-RPC message with neither a result nor subscription data"));
      }
    }

    void jsonLines(BufferedReader in, int maxLineLength) throws IOException {
      LineReader lines = new LineReader(in, maxLineLength);
      int status;
      while ((status = lines.next()) != LineReader.EOF) {
        if (status == LineReader.TOO_LONG) {
          count();
          skip(new RowIssue(source, lines.lineNumber(), RowIssue.WHOLE_LINE, "", IssueKind.LINE_TOO_LONG,
              "line has " + lines.skippedLength() + " characters, more than the limit of " + maxLineLength));
          continue;
        }
        String text = lines.line();
        if (text.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = MAPPER.readTree(text);
        } catch (JacksonException e) {
          count();
          TokenStreamLocation at = e.getLocation();
          skip(new RowIssue(source, lines.lineNumber(), RowIssue.WHOLE_LINE, "", IssueKind.BAD_VALUE,
              "not valid JSON" + (at == null ? "" : " at column " + at.getColumnNr()) + ": "
                  + firstLine(e.getOriginalMessage())));
          continue;
        }
        value(node, lines.lineNumber(), "", true);
      }
    }

    void document(BufferedReader in) {
      try (JsonParser p = MAPPER.createParser(in)) {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
          long line = p.currentTokenLocation().getLineNr();
          if (t == JsonToken.START_ARRAY) {
            array(p, "[");
          } else if (t == JsonToken.START_OBJECT) {
            rootObject(p, line);
          } else {
            throw new DataFileException(source + ":" + line + ": expected a JSON object or array at the top level, "
                + "found " + t);
          }
        }
      } catch (JacksonIOException e) {
        throw e;
      } catch (JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        throw new DataFileException(source + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
            + ": not valid JSON: " + firstLine(e.getOriginalMessage()), e);
      }
    }

    /** Streams the elements of an array whose START_ARRAY is the current token. */
    private void array(JsonParser p, String prefix) {
      int i = 0;
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        long line = p.currentTokenLocation().getLineNr();
        String at = prefix + i + "]";
        if (t == JsonToken.START_OBJECT) {
          deliver(p.readValueAsTree(), line, at + ".");
        } else {
          JsonNode other = p.readValueAsTree();
          count();
          skip(new RowIssue(source, Math.max(1, line), at, other.toString(), IssueKind.BAD_VALUE,
              "expected a JSON object (a Deribit result), found " + kind(other)));
        }
        i++;
      }
    }

    /** A top-level object whose START_OBJECT is the current token: a JSON-RPC envelope or one result. */
    private void rootObject(JsonParser p, long line) {
      ObjectNode rest = MAPPER.createObjectNode();
      boolean sawResult = false;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (name.equals("result") && t == JsonToken.START_ARRAY) {
          sawResult = true;
          array(p, "result[");
        } else if (name.equals("result") && t == JsonToken.START_OBJECT) {
          sawResult = true;
          long at = p.currentTokenLocation().getLineNr();
          deliver(p.readValueAsTree(), at, "result.");
        } else {
          rest.set(name, (JsonNode) p.readValueAsTree());
        }
      }
      if (sawResult) {
        return;
      }
      if (rest.has("jsonrpc") || rest.has("result")) {
        value(rest, line, "", true);
      } else {
        deliver(rest, line, "");
      }
    }

    private static String kind(JsonNode node) {
      return node.isArray() ? "an array" : node.isString() ? "a string" : node.isNumber() ? "a number"
          : node.isNull() ? "null" : node.isBoolean() ? "a boolean" : "a " + node.getNodeType();
    }

    private static String firstLine(String message) {
      if (message == null) {
        return "";
      }
      int nl = message.indexOf('\n');
      return nl < 0 ? message : message.substring(0, nl);
    }
  }
}
