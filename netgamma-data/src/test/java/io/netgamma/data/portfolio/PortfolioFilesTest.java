package io.netgamma.data.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netgamma.core.portfolio.Position;
import io.netgamma.data.DataFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PortfolioFiles}: the format is found from the content, whatever the file is called. */
class PortfolioFilesTest {

  @TempDir
  Path dir;

  Path file(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void detectsEachFormatFromTheContent() throws Exception {
    Path json = file("a.txt", "{\"collateral\":{\"BTC\":1},\"positions\":[{\"instrument\":\"BTC-PERPETUAL\","
        + "\"quantity\":2}]}");
    Path csv = file("b.json", "instrument,quantity\nBTC-PERPETUAL,2\n");
    Path rpc = file("c", "{\"jsonrpc\":\"2.0\",\"result\":[{\"instrument_name\":\"BTC-PERPETUAL\",\"size\":130000,"
        + "\"size_currency\":2}]}");
    Path array = file("d.json", " [{\"instrument_name\":\"BTC-PERPETUAL\",\"size\":130000,\"size_currency\":2}]");
    assertThat(PortfolioFiles.detect(json)).isEqualTo(PortfolioFiles.Format.NETGAMMA_JSON);
    assertThat(PortfolioFiles.detect(csv)).isEqualTo(PortfolioFiles.Format.CSV);
    assertThat(PortfolioFiles.detect(rpc)).isEqualTo(PortfolioFiles.Format.DERIBIT_POSITIONS);
    assertThat(PortfolioFiles.detect(array)).isEqualTo(PortfolioFiles.Format.DERIBIT_POSITIONS);
    for (Path f : new Path[] {json, csv, rpc, array}) {
      assertThat(PortfolioFiles.read(f, i -> { }).portfolio().positions())
          .as(f.getFileName().toString()).containsExactly(Position.of("BTC-PERPETUAL", 2));
    }
    assertThat(PortfolioFiles.read(json, i -> { }).portfolio().collateral()).containsEntry("BTC", 1.0);
  }

  @Test
  void anythingElseIsOneErrorNamingTheFile() throws Exception {
    assertThatThrownBy(() -> PortfolioFiles.detect(file("e.csv", "symbol,size\n"))).isInstanceOf(
        DataFileException.class).hasMessageContaining("e.csv: not a portfolio").hasMessageContaining("'symbol,size'");
    assertThatThrownBy(() -> PortfolioFiles.detect(file("f.json", "{\"name\":\"x\"}")))
        .hasMessageContaining("f.json: a JSON object with neither 'positions'");
    assertThatThrownBy(() -> PortfolioFiles.detect(file("g.json", "\n\n"))).hasMessageContaining("g.json: the file "
        + "is empty");
    assertThatThrownBy(() -> PortfolioFiles.detect(dir.resolve("none.json"))).hasMessageContaining("no such file");
  }
}
