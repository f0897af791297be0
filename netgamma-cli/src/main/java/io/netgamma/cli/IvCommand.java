package io.netgamma.cli;

import io.netgamma.core.pricing.Black76;
import io.netgamma.core.pricing.ImpliedVolatility;
import io.netgamma.data.tardis.ChainRow;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code netgamma iv}: recovers the implied volatility of every row's mark price and compares it with the
 * venue's mark IV. A price without an implied volatility is reported with its status and reason, never as a
 * number.
 */
@Command(
    name = "iv",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    headerHeading = "%n",
    header = "Implied volatility of every mark price, compared with the venue's mark IV.",
    descriptionHeading = "%n",
    description = {
        "For each row: the mark price in coin is turned into USD with the row's forward (price_usd = mark_price x "
            + "underlying_price) and the Black-76 volatility that reproduces it is solved to machine precision "
            + "(Jaeckel's \"Let's Be Rational\"), with t = years ACT/365 from the row's timestamp to expiry.",
        "",
        "Table columns: iv and venue (the row's mark_iv) in percent, diff = iv - venue in vol points, status.",
        "JSON (--json), one object per line: symbol, type, strike, expiration (ISO-8601), forward (USD), t (years), "
            + "price_coin, status (OK, BELOW_INTRINSIC, ABOVE_MAXIMUM), iv (fraction) and diff (fraction, iv - "
            + "iv_venue) when OK, reason when not, iv_venue (mark_iv as a fraction), line.",
        "",
        "Deribit rounds mark_iv to 0.01 percent and computes its mark from a forward up to ~2 s older than the "
            + "published one, so diff is within a few hundredths of a vol point except where vega is tiny (deep "
            + "in-the-money options), where a small forward difference moves the implied vol a lot."},
    optionListHeading = "%nOptions:%n",
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  netgamma iv --chain samples/btc-options-chain.csv",
        "  netgamma iv --chain chain.csv --json > iv.jsonl",
        "",
        "Bad rows (and options already expired at their timestamp) are skipped with their line and reason on "
            + "stderr; the closing summary on stderr counts them and the rows without a solution.",
        "Exit codes: 0 success; 1 no implied volatility could be solved; 2 usage error or bad file; 3 internal "
            + "error."})
final class IvCommand extends ChainCommand {

  private static final String ROW = "%-26s %-10s %9s %12s %11s %8s %8s %8s  %s%n";
  private final Map<String, Long> noSolution = new LinkedHashMap<>();

  @Override
  void printHeader(PrintWriter w) {
    w.printf(Locale.ROOT, ROW, "symbol", "expiry", "t", "forward", "mark", "iv", "venue", "diff", "status");
    w.printf(Locale.ROOT, ROW, "", "08:00 UTC", "(years)", "(USD)", "(coin)", "(%)", "(%)", "(vol pt)", "");
  }

  @Override
  boolean process(ChainRow row, PrintWriter w) {
    double t = row.yearsToExpiry();
    double f = row.underlyingPrice();
    ImpliedVolatility iv = Black76.DEFAULT.impliedVolatilityFromCoinPrice(row.type(), row.markPriceCoin(), f,
        row.strike(), t, rate);
    double venue = row.markIvFraction();
    if (!iv.isOk()) {
      noSolution.merge(iv.status().name().toLowerCase(Locale.ROOT).replace('_', ' '), 1L, Long::sum);
    }
    if (json) {
      ObjectNode n = Json.MAPPER.createObjectNode();
      n.put("symbol", row.symbol());
      n.put("type", row.type().name().toLowerCase(Locale.ROOT));
      n.put("strike", row.strike());
      n.put("expiration", row.expiration().toString());
      n.put("forward", f);
      n.put("t", t);
      n.put("price_coin", row.markPriceCoin());
      n.put("status", iv.status().name());
      if (iv.isOk()) {
        n.put("iv", iv.volatility());
        n.put("iv_venue", venue);
        n.put("diff", iv.volatility() - venue);
      } else {
        n.put("iv_venue", venue);
        n.put("reason", iv.reason());
      }
      n.put("line", row.line());
      w.println(Json.MAPPER.writeValueAsString(n));
    } else {
      String ivText = iv.isOk() ? String.format(Locale.ROOT, "%.4f", iv.volatility() * 100) : "-";
      String diffText = iv.isOk() ? String.format(Locale.ROOT, "%+.4f", (iv.volatility() - venue) * 100) : "-";
      String status = iv.isOk() ? "OK" : iv.status().name() + ": " + iv.reason();
      w.printf(Locale.ROOT, ROW, row.symbol(), LocalDate.ofInstant(row.expiration(), ZoneOffset.UTC),
          String.format(Locale.ROOT, "%.6f", t), String.format(Locale.ROOT, "%.2f", f),
          String.format(Locale.ROOT, "%.8f", row.markPriceCoin()), ivText,
          String.format(Locale.ROOT, "%.2f", venue * 100), diffText, status);
    }
    return iv.isOk();
  }

  @Override
  String verb() {
    return "solved";
  }

  @Override
  void appendExtraSummary(StringBuilder summary) {
    long total = noSolution.values().stream().mapToLong(Long::longValue).sum();
    summary.append(", ").append(total).append(" without a solution");
    appendCounts(summary, noSolution);
  }
}
