package io.netgamma.data.market;

/** The formats {@link MarketLoader} reads, recognised from the file's content. */
public enum MarketFormat {

  /** netgamma's market-snapshot JSON ({@link io.netgamma.data.snapshot.MarketSnapshotJson}): starts with '{'. */
  SNAPSHOT_JSON("market-snapshot JSON"),
  /** A Tardis.dev {@code options_chain} CSV ({@link io.netgamma.data.tardis.TardisChainReader}): a header line. */
  TARDIS_CHAIN("Tardis options_chain CSV");

  private final String label;

  MarketFormat(String label) {
    this.label = label;
  }

  /** The format's name for people, e.g. {@code Tardis options_chain CSV}. */
  public String label() {
    return label;
  }
}
