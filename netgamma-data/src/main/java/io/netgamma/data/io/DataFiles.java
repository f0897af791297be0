package io.netgamma.data.io;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.data.DataFileException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.exc.JacksonIOException;

/**
 * Opening and creating data files with the same wording of file-level errors for every format: each failure is a
 * {@link DataFileException} whose message starts with the file. Stateless.
 */
public final class DataFiles {

  private DataFiles() {
  }

  /**
   * Opens a file as UTF-8 text (malformed bytes replaced by U+FFFD) and applies {@code body} to it; the reader is
   * closed afterwards.
   *
   * @param file the file
   * @param what what the file should be, for the directory error ("a portfolio CSV file")
   * @param gunzip whether a name ending in {@code .gz} (any case) is read through gzip decompression
   * @param body reads the text
   * @param <T> the result
   * @return what {@code body} returns
   * @throws DataFileException naming the file when it is a directory, missing, not readable or fails on reading
   */
  public static <T> T read(Path file, String what, boolean gunzip, Function<Reader, T> body) {
    ArgChecker.notNull(file, "file");
    String source = file.toString();
    requireNotDirectory(file, what);
    try (InputStream raw = Files.newInputStream(file)) {
      InputStream in = new BufferedInputStream(raw, 1 << 16);
      if (gunzip && source.toLowerCase(Locale.ROOT).endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return body.apply(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)));
    } catch (IOException e) {
      throw cannotRead(source, e);
    }
  }

  /**
   * Rejects a directory where a file is expected.
   *
   * @param file the path
   * @param what what the file should be ("a market-snapshot JSON file")
   * @throws DataFileException "{@code file}: is a directory, expected {@code what}"
   */
  public static void requireNotDirectory(Path file, String what) {
    if (Files.isDirectory(file)) {
      throw new DataFileException(file + ": is a directory, expected " + what);
    }
  }

  /**
   * A failure to open or read a file in words: "no such file", "permission denied" or the I/O message.
   *
   * @param source the file's name
   * @param e the failure
   * @return the exception to throw, with {@code e} as its cause
   */
  public static DataFileException cannotRead(String source, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new DataFileException(source + ": no such file", e);
    }
    if (e instanceof AccessDeniedException) {
      return new DataFileException(source + ": cannot read the file (permission denied)", e);
    }
    return new DataFileException(source + ": cannot read the file: " + e.getMessage(), e);
  }

  /**
   * Creates (or replaces) a UTF-8 file and applies {@code body} to a buffered writer on it, closed afterwards.
   *
   * @param file the file
   * @param what what is written, for the error ("the portfolio")
   * @param body writes the content; an {@link UncheckedIOException} or Jackson I/O failure it throws is reported
   *     like an {@link IOException}
   * @throws DataFileException "{@code file}: cannot write {@code what}: ..." when the file cannot be written
   */
  public static void write(Path file, String what, Consumer<Writer> body) {
    ArgChecker.notNull(file, "file");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      body.accept(out);
    } catch (IOException | UncheckedIOException | JacksonIOException e) {
      throw new DataFileException(file + ": cannot write " + what + ": " + e.getMessage(), e);
    }
  }
}
