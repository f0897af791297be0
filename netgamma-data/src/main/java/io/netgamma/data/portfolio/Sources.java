package io.netgamma.data.portfolio;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.data.DataFileException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/** Opening portfolio files and wording file-level errors the same way for every format. Stateless. */
final class Sources {

  private Sources() {
  }

  /**
   * Opens {@code file} as UTF-8 (malformed bytes replaced) and applies {@code body}; I/O failures become a
   * {@link DataFileException} naming the file.
   */
  static <T> T read(Path file, String what, Function<Reader, T> body) {
    ArgChecker.notNull(file, "file");
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw new DataFileException(source + ": is a directory, expected " + what);
    }
    try (Reader in = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE))) {
      return body.apply(in);
    } catch (NoSuchFileException e) {
      throw new DataFileException(source + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new DataFileException(source + ": cannot read the file (permission denied)", e);
    } catch (IOException e) {
      throw new DataFileException(source + ": cannot read the file: " + e.getMessage(), e);
    }
  }

  /** The file name without its last extension: the default portfolio name ({@code desk.json} → {@code desk}). */
  static String stem(Path file) {
    Path name = file.getFileName();
    String s = name == null ? "portfolio" : name.toString();
    int dot = s.lastIndexOf('.');
    s = dot > 0 ? s.substring(0, dot) : s;
    return s.isBlank() ? "portfolio" : s;
  }

  /** A JSON syntax error as a file error with line and column. */
  static DataFileException syntax(String source, JacksonException e) {
    TokenStreamLocation at = e.getLocation();
    String m = e.getOriginalMessage();
    return new DataFileException(source + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
        + ": not valid JSON: " + (m == null ? "" : m.lines().findFirst().orElse("")), e);
  }
}
