package io.netgamma.cli;

import io.netgamma.core.market.MarketSnapshot;
import io.netgamma.core.portfolio.Portfolio;
import io.netgamma.core.sim.book.DemoBook;
import io.netgamma.data.market.LoadedMarket;
import io.netgamma.data.market.MarketLoader;
import io.netgamma.data.portfolio.PortfolioRead;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The book and market options shared by commands that analyse one book on one market ({@code --portfolio FILE
 * --market FILE}, or {@code --demo [--seed N] [--positions N]}), as a picocli mixin.
 */
final class BookMarketOptions {

  @Option(names = "--demo", description = "the demo desk book of 'report --demo' on its generated BTC and ETH "
      + "market (no files needed)")
  boolean demo;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DemoBook.DEFAULT_SEED,
      description = "--demo: random seed of the market and the book (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--positions", paramLabel = "N", defaultValue = "" + DemoBook.DEFAULT_POSITIONS,
      description = "--demo: number of positions (default ${DEFAULT-VALUE}, at least 10)")
  int positions;

  @Option(names = "--portfolio", paramLabel = "FILE", description = "the book: netgamma portfolio JSON, CSV "
      + "(instrument,quantity[,average_price]) or Deribit private/get_positions JSON; collateral balances are "
      + "the account's equity")
  Path portfolio;

  @Option(names = "--market", paramLabel = "FILE", description = "the market: market-snapshot JSON or a Tardis "
      + "options_chain CSV; volatility surfaces are fitted to its mark IVs")
  Path market;

  /**
   * The book, where it came from, positions skipped as bad, and its market.
   *
   * @param book the portfolio
   * @param bookSource the file, or the demo's description
   * @param skipped bad rows skipped while reading the book
   * @param snapshot the market
   * @param marketSource the file, or the demo's description
   */
  record Inputs(Portfolio book, String bookSource, long skipped, MarketSnapshot snapshot, String marketSource) {
  }

  /**
   * Reads (or generates) the book and the market; notes and skipped rows go to {@code err}.
   *
   * @throws CommandLine.ParameterException on a usage error (both or neither of --demo and the files)
   */
  Inputs resolve(CommandLine commandLine, PrintWriter err) {
    if (demo) {
      if (portfolio != null || market != null) {
        throw usage(commandLine, "--demo generates its own book and market: give either --demo or --portfolio and "
            + "--market");
      }
      DemoBook d;
      try {
        d = DemoBook.generate(seed, positions);
      } catch (IllegalArgumentException e) {
        throw usage(commandLine, "--positions " + positions + ": " + e.getMessage());
      }
      return new Inputs(d.portfolio(), "generated desk book, seed " + seed, 0, d.market(),
          "generated BTC and ETH market, seed " + seed);
    }
    if (portfolio == null || market == null) {
      throw usage(commandLine, "give --portfolio FILE and --market FILE, or --demo for a generated book and market");
    }
    if (commandLine.getParseResult().hasMatchedOption("--seed")
        || commandLine.getParseResult().hasMatchedOption("--positions")) {
      throw usage(commandLine, "--seed and --positions apply to --demo only");
    }
    SurfaceCommand.Messages messages = ReportCommand.messages(err);
    PortfolioRead read = ReportCommand.readPortfolio(portfolio, messages, err);
    LoadedMarket loaded = MarketLoader.DEFAULT.load(market, MarketLoader.Options.DEFAULT, messages::add);
    for (String note : loaded.notes()) {
      err.println(note);
    }
    return new Inputs(read.portfolio(), portfolio.toString(), read.summary().rowsSkipped(), loaded.snapshot(),
        market.toString());
  }

  private static CommandLine.ParameterException usage(CommandLine commandLine, String message) {
    return new CommandLine.ParameterException(commandLine, message);
  }
}
