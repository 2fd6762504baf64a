package ai.cartesia.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The results table reads JMH's JSON, finds each baseline and divides by it. */
class ResultsTableTest {

  private static final String JSON = """
      [
        {"benchmark": "ai.cartesia.benchmarks.ChunkDecodeBenchmark.sdk", "mode": "avgt", "threads": 1, "forks": 2,
         "jdkVersion": "17", "params": {"size": "large"},
         "primaryMetric": {"score": 30.0, "scoreError": 2.0, "scoreUnit": "ns/op", "rawData": [[29.0, 31.0, 40.0], [28.0, 30.0, 32.0]]},
         "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 1234.5, "scoreError": 1.0, "scoreUnit": "B/op"}}},
        {"benchmark": "ai.cartesia.benchmarks.ChunkDecodeBenchmark.base64Floor", "mode": "avgt", "threads": 1, "forks": 2,
         "params": {"size": "large"},
         "primaryMetric": {"score": 10.0, "scoreError": 1.0, "scoreUnit": "ns/op", "rawData": [[10.0, 10.0], [10.0, 10.0]]},
         "secondaryMetrics": {}},
        {"benchmark": "ai.cartesia.benchmarks.ChunkDecodeBenchmark.sdk", "mode": "avgt", "threads": 1, "forks": 2,
         "params": {"size": "small"},
         "primaryMetric": {"score": 5.0, "scoreError": 1.0, "scoreUnit": "ns/op", "rawData": [[5.0]]},
         "secondaryMetrics": {}},
        {"benchmark": "ai.cartesia.benchmarks.EndToEndStreamingBenchmark.sdk50Contexts", "mode": "sample", "threads": 50, "forks": 2,
         "primaryMetric": {"score": 1000.0, "scoreError": 50.0, "scoreUnit": "us/op",
                           "scorePercentiles": {"50.0": 900.0, "99.0": 4000.0}},
         "secondaryMetrics": {}},
        {"benchmark": "ai.cartesia.benchmarks.EndToEndStreamingBenchmark.okHttp50Contexts", "mode": "sample", "threads": 50, "forks": 2,
         "primaryMetric": {"score": 500.0, "scoreError": 50.0, "scoreUnit": "us/op",
                           "scorePercentiles": {"50.0": 450.0, "99.0": 2000.0}},
         "secondaryMetrics": {}},
        {"benchmark": "ai.cartesia.benchmarks.EndToEndStreamingBenchmark.sdk1Context", "mode": "sample", "threads": 1, "forks": 2,
         "primaryMetric": {"score": 100.0, "scoreError": 5.0, "scoreUnit": "us/op",
                           "scorePercentiles": {"50.0": 90.0, "99.0": 400.0}},
         "secondaryMetrics": {}}
      ]
      """;

  @Test
  void dividesTheMedianByTheBaselinesOfTheSameParametersAndThreads() throws Exception {
    List<ResultsTable.Row> rows = ResultsTable.read(JSON);
    assertThat(rows)
        .extracting(row -> row.method() + " " + row.paramsText() + " " + row.threads())
        .containsExactly(
            "base64Floor size=large 1",
            "sdk size=large 1",
            "sdk size=small 1",
            "sdk1Context  1",
            "okHttp50Contexts  50",
            "sdk50Contexts  50");

    String table = ResultsTable.markdown(rows);
    // Median of 28, 29, 30, 31, 32, 40 = 30.5; baseline median 10.
    assertThat(table)
        .contains(
            "| ChunkDecodeBenchmark.sdk | size=large | 1 | 30.5 | 30.0 ± 2.00 | ns/op | 3.05x | 1,235 | – | – |");
    assertThat(table)
        .contains(
            "| ChunkDecodeBenchmark.base64Floor | size=large | 1 | 10.0 | 10.0 ± 1.00 | ns/op | 1 (baseline) |");
    // No baseline measured for the small size, nor for one context: no ratio.
    assertThat(table)
        .contains("| ChunkDecodeBenchmark.sdk | size=small | 1 | 5.00 | 5.00 ± 1.00 | ns/op | – |");
    // p50 / p50 of the baseline; 50 threads * 17,640 bytes / 1 ms = 882 MB/s.
    assertThat(table)
        .contains(
            "| EndToEndStreamingBenchmark.sdk50Contexts |  | 50 | 900 | 1,000 ± 50.0 | us/op | 2.00x | – | 4,000 | 882.0 MB/s |");
    assertThat(table)
        .contains(
            "| EndToEndStreamingBenchmark.sdk1Context |  | 1 | 90.0 | 100 ± 5.00 | us/op | – | – | 400 | 176.4 MB/s |");
  }

  @Test
  void writesNumbersWithThreeSignificantDigits() {
    assertThat(ResultsTable.number(12345.6)).isEqualTo("12,346");
    assertThat(ResultsTable.number(12.345)).isEqualTo("12.3");
    assertThat(ResultsTable.number(1.2345)).isEqualTo("1.23");
    assertThat(ResultsTable.number(0.012345)).isEqualTo("0.0123");
  }
}
