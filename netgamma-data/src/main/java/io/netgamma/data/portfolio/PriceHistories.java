package io.netgamma.data.portfolio;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.portfolio.EwmaEstimate;
import io.netgamma.core.portfolio.EwmaEstimator;
import io.netgamma.data.DataFileException;
import io.netgamma.data.io.RowIssue;
import io.netgamma.data.timeseries.OhlcvCsvReader;
import io.netgamma.data.timeseries.OhlcvSeries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * EWMA volatilities and correlations from OHLCV price files (one per underlying), for BTC-equivalent greeks:
 * reads each file with {@link OhlcvCsvReader#DEFAULT} (bad rows skipped and reported), keeps the bar times common to
 * all files, and estimates on the close prices with {@link EwmaEstimator} (frequency from the median bar spacing).
 * Stateless.
 */
public final class PriceHistories {

  private PriceHistories() {
  }

  /**
   * Estimates from close prices.
   *
   * @param files underlying → OHLCV CSV file ({@code timestamp,open,high,low,close,volume}), in the order wanted
   * @param lambda the EWMA decay, in (0, 1) ({@link EwmaEstimator#RISKMETRICS_LAMBDA} = 0.94)
   * @param issues receives the skipped rows of every file
   * @return the estimate
   * @throws DataFileException naming a file that cannot be read, or the files when they share fewer than 2 bars
   */
  public static EwmaEstimate ewma(Map<String, Path> files, double lambda, Consumer<RowIssue> issues) {
    ArgChecker.notNull(files, "files");
    ArgChecker.isTrue(!files.isEmpty(), "at least one price file is needed");
    List<String> assets = new ArrayList<>(files.keySet());
    long[][] times = new long[assets.size()][];
    double[][] closes = new double[assets.size()][];
    for (int a = 0; a < assets.size(); a++) {
      OhlcvSeries s = OhlcvCsvReader.DEFAULT.read(files.get(assets.get(a)), issues).series();
      times[a] = s.timeMillis();
      closes[a] = s.close();
    }
    try {
      return EwmaEstimator.estimate(assets, times, closes, lambda);
    } catch (IllegalArgumentException e) {
      throw new DataFileException(files.values() + ": " + e.getMessage(), e);
    }
  }
}
