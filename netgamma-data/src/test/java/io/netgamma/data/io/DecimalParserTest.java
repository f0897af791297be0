package io.netgamma.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalParserTest {

  static double parse(String s, int shift) {
    assertThat(DecimalParser.isDecimal(s, 0, s.length())).as(s).isTrue();
    return DecimalParser.parse(s, 0, s.length(), shift);
  }

  @Test
  void equalsJavasCorrectlyRoundedParsingOnRandomDecimals() {
    SplittableRandom random = new SplittableRandom(2024);
    for (int i = 0; i < 100_000; i++) {
      String s = randomDecimal(random);
      assertThat(parse(s, 0)).as(s).isEqualTo(Double.parseDouble(s));
      // shifted: the nearest double of the exact decimal times 10^shift
      int shift = random.nextInt(-4, 5);
      double expected = new BigDecimal(s).scaleByPowerOfTen(shift).doubleValue();
      assertThat(parse(s, shift)).as(s + " e" + shift).isEqualTo(expected);
    }
  }

  @Test
  void edgeCases() {
    assertThat(parse("-0", 0)).isEqualTo(-0.0);
    assertThat(parse("0.07", -2)).isEqualTo(0.0007).isNotEqualTo(0.07 / 100);
    assertThat(parse("9007199254740993", 0)).isEqualTo(Double.parseDouble("9007199254740993"));
    assertThat(parse("123456789012345678901234567890", 0)).isEqualTo(1.2345678901234568e29);
    assertThat(parse("1e400", 0)).isInfinite();
    assertThat(parse("1e-400", 0)).isZero();
    assertThat(parse("1e-99999999999999999999", -2)).isZero();
    assertThat(parse("2.5e-1000000", 3)).isZero();
    assertThat(parse("1E+2", -2)).isEqualTo(1.0);
    assertThat(parse("0.000000000000000000000000000001", 0)).isEqualTo(1e-30);
  }

  static String randomDecimal(SplittableRandom r) {
    return switch (r.nextInt(6)) {
      case 0 -> String.format(Locale.ROOT, "%." + r.nextInt(0, 10) + "f", r.nextDouble() * Math.pow(10, r.nextInt(7)));
      case 1 -> String.format(Locale.ROOT, "%." + r.nextInt(0, 16) + "e", (r.nextDouble() - 0.5) * 1e3);
      case 2 -> Long.toString(r.nextLong());
      case 3 -> Double.toString(Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL));
      case 4 -> "0." + "0".repeat(r.nextInt(25)) + r.nextInt(1, 1_000_000);
      default -> r.nextInt(100_000) + "." + String.format(Locale.ROOT, "%08d", r.nextInt(100_000_000));
    };
  }
}
