package io.netgamma.cli;

import io.netgamma.data.DataFileException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code netgamma} executable: parses the command line, runs a subcommand and maps the outcome to an exit
 * code ({@link #EXIT_OK}, {@link #EXIT_NOTHING_PROCESSED}, {@link #EXIT_USAGE}, {@link #EXIT_INTERNAL}). Users
 * never see a stack trace: errors are one line on stderr (set {@code NETGAMMA_DEBUG=1} to get the trace of an
 * internal error).
 */
@Command(
    name = "netgamma",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    headerHeading = "%n",
    header = "netgamma - risk and hedging engine for crypto options (Deribit-style)",
    descriptionHeading = "%n",
    description = {
        "Reads option chains (Tardis.dev options_chain CSV, plain or .gz) and prices every option with Black-76 "
            + "on the forward of its own expiry, as Deribit does.",
        "",
        "Units are Deribit's, so numbers compare line by line with Deribit's:",
        "  price_usd    USD per 1-coin option",
        "  price_coin   coin per 1-coin option (how inverse options are quoted)",
        "  forward      USD: the row's underlying_price (future or synthetic)",
        "  iv           fraction in JSON (0.6528 = 65.28%%), percent in tables",
        "  t            years, ACT/365, from the row's timestamp to 08:00 UTC",
        "  delta        coin (Black-76 delta); delta_coin = delta - price_coin",
        "  gamma        per 1 USD of the forward; gamma_coin = gamma - delta_coin/F",
        "  vega         USD per 1 vol point",
        "  theta        USD per calendar day",
        "  rho          USD per 1%% of rate",
        "  vanna        delta per vol point;  volga  vega per vol point",
        "  charm        delta per calendar day;  speed  gamma per 1 USD"},
    optionListHeading = "%nOptions:%n",
    commandListHeading = "%nCommands:%n",
    subcommands = {GreeksCommand.class, IvCommand.class, SampleChainCommand.class,
        SurfaceCommand.class, MarketCommand.class, SampleMarketCommand.class, GexCommand.class,
        ReportCommand.class, ExplainCommand.class, MarginCommand.class, MarginBacktestCommand.class,
        StressCommand.class, StructureCommand.class, CommandLine.HelpCommand.class},
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  netgamma report --demo                      risk report of a generated desk book",
        "  netgamma report --portfolio b.json --market m.json   ... of your book",
        "  netgamma explain --portfolio b.json --from m1.json --to m2.json",
        "  netgamma margin --demo --compare            standard vs Deribit portfolio margin",
        "  netgamma gex --chain chain.csv              dealer gamma exposure, zero-gamma level",
        "  netgamma sample-chain --out chain.csv       write a sample BTC chain",
        "  netgamma greeks --chain chain.csv           price and greeks, a table",
        "  netgamma greeks --chain chain.csv --json    the same, JSON lines",
        "  netgamma iv --chain chain.csv               IV of each mark vs Deribit's",
        "  netgamma surface --chain chain.csv          SVI surface, arbitrage checks",
        "  netgamma surface --chain c.csv --png s.png  ... and a chart of the smiles",
        "  netgamma market --chain c.csv --out m.json  chain to market-snapshot JSON",
        "  netgamma help greeks                        one command's options",
        "",
        "Bad rows are skipped, each reported on stderr with its line and reason, and counted in a closing "
            + "summary on stderr; results go to stdout.",
        "",
        "Exit codes:",
        "  0  success",
        "  1  the file was read but no row could be processed (no rows, or every",
        "     row bad or expired)",
        "  2  usage error, or a missing, unreadable or malformed file",
        "  3  internal error (a bug: please report it)"})
public final class Main implements Runnable {

  /**
   * The batch kernel of one-shot commands ({@code report}, {@code explain}): the scalar one. The SIMD kernel is the
   * faster once C2 has compiled it, but a command that runs for a second spends that second before compilation,
   * where the Vector API runs an interpreted fallback hundreds of times slower; the scalar kernel compiles at once.
   */
  static final io.netgamma.core.pricing.BatchPricer ONE_SHOT_PRICER = io.netgamma.core.pricing.BatchPricers.scalar();

  /** Success. */
  public static final int EXIT_OK = 0;
  /** The input was read but no row could be processed. */
  public static final int EXIT_NOTHING_PROCESSED = 1;
  /** Usage error, or a missing, unreadable or malformed input file. */
  public static final int EXIT_USAGE = 2;
  /** Internal error: a bug. */
  public static final int EXIT_INTERNAL = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Without a subcommand: print the usage and fail as a usage error. */
  @Override
  public void run() {
    String commands = String.join(", ", spec.subcommands().keySet().stream().filter(c -> !c.equals("help")).toList());
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of " + commands
        + " (netgamma --help explains them)");
  }

  /**
   * Entry point.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    // stdout is buffered (results can be millions of lines) and flushed at the end; stderr flushes every line.
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
        1 << 16), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the tool in-process, writing to the given streams (for tests and embedding).
   *
   * @param args the command line
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return commandLine(out, err).execute(args);
  }

  /**
   * The configured picocli command line.
   *
   * @param out standard output
   * @param err standard error
   * @return the command line, ready to {@code execute}
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter e = commandLine.getErr();
      if (ex instanceof DataFileException || ex instanceof IllegalArgumentException) {
        e.println("netgamma: " + ex.getMessage());
        e.flush();
        return EXIT_USAGE;
      }
      e.println("netgamma: internal error: " + ex + " (please report it; NETGAMMA_DEBUG=1 shows the stack trace)");
      if (System.getenv("NETGAMMA_DEBUG") != null) {
        ex.printStackTrace(e);
      }
      e.flush();
      return EXIT_INTERNAL;
    });
    return cl;
  }

  /** The version from the jar's Maven metadata; "development build" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = "development build";
      try (InputStream in = Main.class.getResourceAsStream(
          "/META-INF/maven/io.netgamma/netgamma-cli/pom.properties")) {
        if (in != null) {
          Properties p = new Properties();
          p.load(in);
          version = p.getProperty("version", version);
        }
      } catch (IOException e) {
        // keep "development build"
      }
      return new String[] {"netgamma " + version + " (Java " + Runtime.version() + ")"};
    }
  }
}
