package io.netgamma.data.portfolio;

import io.netgamma.data.DataFileException;
import io.netgamma.data.io.DataFiles;
import java.io.Reader;
import java.nio.file.Path;
import java.util.function.Function;

/** Opening portfolio files the same way for every format (no gzip) and naming portfolios by file. Stateless. */
final class Sources {

  private Sources() {
  }

  /**
   * Opens {@code file} as UTF-8 (malformed bytes replaced) and applies {@code body}; I/O failures become a
   * {@link DataFileException} naming the file.
   */
  static <T> T read(Path file, String what, Function<Reader, T> body) {
    return DataFiles.read(file, what, false, body);
  }

  /** The file name without its last extension: the default portfolio name ({@code desk.json} → {@code desk}). */
  static String stem(Path file) {
    Path name = file.getFileName();
    String s = name == null ? "portfolio" : name.toString();
    int dot = s.lastIndexOf('.');
    s = dot > 0 ? s.substring(0, dot) : s;
    return s.isBlank() ? "portfolio" : s;
  }
}
