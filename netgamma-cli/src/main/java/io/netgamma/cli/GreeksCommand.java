package io.netgamma.cli;

import io.netgamma.core.pricing.Black76;
import io.netgamma.data.tardis.ChainRow;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import picocli.CommandLine.Command;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code netgamma greeks}: reprices every option of a chain from its own mark IV and forward at the row's
 * timestamp (Black-76, t = ACT/365 to the 08:00 UTC expiry) and prints price and greeks.
 */
@Command(
    name = "greeks",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    headerHeading = "%n",
    header = "Price and greeks of every option in a chain, repriced from its mark IV and forward.",
    descriptionHeading = "%n",
    description = {
        "For each row: F = underlying_price (USD, the forward of that expiry), vol = mark_iv, t = years ACT/365 "
            + "from the row's timestamp to expiry; Black-76 at rate --rate (0 = Deribit).",
        "",
        "Table columns: t in years; forward in USD; iv in percent; price in coin and in USD per 1-coin option; "
            + "delta in coin; gamma per 1 USD; vega USD per vol point; theta USD per calendar day; rho USD per 1%% "
            + "of rate; delta_coin = delta - price_coin (the inverse-perpetual hedge of an inverse option).",
        "JSON (--json), one object per line: symbol, type, strike, expiration and timestamp (ISO-8601), forward, "
            + "iv (fraction), t (years), rate, price_usd, price_coin, delta, gamma, vega, theta, rho, vanna (delta "
            + "per vol point), volga (vega per vol point), charm (delta per day), speed (gamma per USD), delta_coin, "
            + "gamma_coin, line.",
        "",
        "Deribit floors its published theta at minus the option's USD value; this command prints the plain "
            + "Black-76 theta."},
    optionListHeading = "%nOptions:%n",
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  netgamma greeks --chain samples/btc-options-chain.csv",
        "  netgamma greeks --chain chain.csv.gz --json > greeks.jsonl",
        "",
        "Bad rows (and options already expired at their timestamp) are skipped with their line and reason on "
            + "stderr and counted in the closing summary on stderr.",
        "Exit codes: 0 success; 1 no row could be priced; 2 usage error or bad file; 3 internal error."})
final class GreeksCommand extends ChainCommand {

  private static final String ROW = "%-26s %-10s %9s %12s %7s %11s %11s %9s %10s %12s %10s %10s %10s%n";
  private final double[] out = new double[Black76.SIZE];

  @Override
  void printHeader(PrintWriter w) {
    w.printf(Locale.ROOT, ROW, "symbol", "expiry", "t", "forward", "iv", "price", "price", "delta", "gamma",
        "vega", "theta", "rho", "delta_coin");
    w.printf(Locale.ROOT, ROW, "", "08:00 UTC", "(years)", "(USD)", "(%)", "(coin)", "(USD)", "(coin)",
        "(per USD)", "(USD/vol pt)", "(USD/day)", "(USD/1%)", "(coin)");
  }

  @Override
  boolean process(ChainRow row, PrintWriter w) {
    double t = row.yearsToExpiry();
    double f = row.underlyingPrice();
    double vol = row.markIvFraction();
    Black76.DEFAULT.priceAndGreeks(row.type().sign(), f, row.strike(), t, vol, rate, out);
    for (int i = 0; i < Black76.SIZE; i++) {
      if (!Double.isFinite(out[i])) { // a safety net: never print NaN or infinity as a result
        skipRow(row, "numerical failure", "gives a non-finite result at index " + i + " of Black76 (forward " + f
            + ", strike " + row.strike() + ", t " + t + ", vol " + vol + ", rate " + rate + ")");
        return false;
      }
    }
    if (json) {
      ObjectNode n = Json.MAPPER.createObjectNode();
      n.put("symbol", row.symbol());
      n.put("type", row.type().name().toLowerCase(Locale.ROOT));
      n.put("strike", row.strike());
      n.put("expiration", row.expiration().toString());
      n.put("timestamp", row.timestamp().toString());
      n.put("forward", f);
      n.put("iv", vol);
      n.put("t", t);
      n.put("rate", rate);
      n.put("price_usd", out[Black76.PRICE]);
      n.put("price_coin", out[Black76.PRICE_COIN]);
      n.put("delta", out[Black76.DELTA]);
      n.put("gamma", out[Black76.GAMMA]);
      n.put("vega", out[Black76.VEGA]);
      n.put("theta", out[Black76.THETA]);
      n.put("rho", out[Black76.RHO]);
      n.put("vanna", out[Black76.VANNA]);
      n.put("volga", out[Black76.VOLGA]);
      n.put("charm", out[Black76.CHARM]);
      n.put("speed", out[Black76.SPEED]);
      n.put("delta_coin", out[Black76.DELTA_COIN]);
      n.put("gamma_coin", out[Black76.GAMMA_COIN]);
      n.put("line", row.line());
      w.println(Json.MAPPER.writeValueAsString(n));
    } else {
      w.printf(Locale.ROOT, ROW, row.symbol(), LocalDate.ofInstant(row.expiration(), ZoneOffset.UTC),
          String.format(Locale.ROOT, "%.6f", t), String.format(Locale.ROOT, "%.2f", f),
          String.format(Locale.ROOT, "%.2f", vol * 100), String.format(Locale.ROOT, "%.8f", out[Black76.PRICE_COIN]),
          String.format(Locale.ROOT, "%.2f", out[Black76.PRICE]), String.format(Locale.ROOT, "%.5f",
              out[Black76.DELTA]), String.format(Locale.ROOT, "%.3e", out[Black76.GAMMA]),
          String.format(Locale.ROOT, "%.4f", out[Black76.VEGA]), String.format(Locale.ROOT, "%.4f",
              out[Black76.THETA]), String.format(Locale.ROOT, "%.4f", out[Black76.RHO]),
          String.format(Locale.ROOT, "%.5f", out[Black76.DELTA_COIN]));
    }
    return true;
  }

  @Override
  String verb() {
    return "priced";
  }
}
