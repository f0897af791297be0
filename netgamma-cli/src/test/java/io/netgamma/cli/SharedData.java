package io.netgamma.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real market data of the validation tests ({@code /work/shared/data}, see its README), never copied here. */
final class SharedData {

  private SharedData() {
  }

  /**
   * The data folder: {@code -Dnetgamma.sharedData} (the parent pom sets it), else {@code ../../shared/data}.
   *
   * @return the folder, which may not exist
   */
  static Path directory() {
    String property = System.getProperty("netgamma.sharedData");
    return property != null && !property.isBlank() ? Path.of(property) : Path.of("..", "..", "shared", "data");
  }

  /**
   * The data folder, skipping the calling test (JUnit assumption, with the reason) unless each of
   * {@code subfolders} is a folder in it.
   *
   * @param subfolders folders the test reads ("chains", "prices")
   * @return the data folder
   */
  static Path require(String... subfolders) {
    Path data = directory();
    boolean present = Files.isDirectory(data);
    for (String s : subfolders) {
      present &= Files.isDirectory(data.resolve(s));
    }
    assumeTrue(present, () -> "real market data not found at " + data.toAbsolutePath()
        + " (set -Dnetgamma.sharedData=DIR): validation skipped");
    return data;
  }
}
