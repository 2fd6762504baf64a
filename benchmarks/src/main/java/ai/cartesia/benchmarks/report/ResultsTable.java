package ai.cartesia.benchmarks.report;

import ai.cartesia.benchmarks.AudioPerOp;
import ai.cartesia.benchmarks.Baseline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Prints JMH's JSON results ({@code -rf json}) as a Markdown table: for each benchmark, the median
 * and the score with its error, the ratio to the baseline of its class (the method marked
 * {@link Baseline}, same parameters, same number of threads), the bytes allocated per operation
 * when the run had {@code -prof gc}, p50 and p99 for sampled benchmarks, and the audio throughput
 * for benchmarks marked {@link AudioPerOp}.
 *
 * <p>{@code java -cp benchmarks.jar ai.cartesia.benchmarks.report.ResultsTable target/results.json
 * ["the command"]}
 */
public final class ResultsTable {

  /** One result row: a benchmark method with one set of parameters and one thread count. */
  record Row(
      String className,
      String method,
      String mode,
      int threads,
      Map<String, String> params,
      double score,
      double error,
      String unit,
      double median,
      Double p99,
      Double allocBytesPerOp,
      Integer audioBytesPerOp,
      boolean baseline) {

    String simpleClass() {
      return className.substring(className.lastIndexOf('.') + 1);
    }

    String group() {
      return className + " " + params + " " + threads + " " + mode;
    }

    String paramsText() {
      if (params.isEmpty()) return "";
      List<String> parts = new ArrayList<>();
      params.forEach((name, value) -> parts.add(name + "=" + value));
      return String.join(", ", parts);
    }
  }

  private ResultsTable() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: ResultsTable <results.json> [command that produced them]");
      System.exit(2);
    }
    List<Row> rows = read(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
    JsonNode first = new ObjectMapper()
        .readTree(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8))
        .path(0);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println(
        "Run on " + LocalDate.now() + ": " + Runtime.getRuntime().availableProcessors() + " cores ("
            + cpuModel().orElse("CPU model unknown") + "), JDK "
            + first.path("jdkVersion").asText("?") + " ("
            + first.path("vmName").asText("?") + " " + first.path("vmVersion").asText("") + ")"
            + (args.length > 1 ? ", command: `" + args[1] + "`" : ""));
    out.println();
    out.print(markdown(rows));
  }

  /** The rows of JMH's JSON output, sorted by class, parameters, threads, baseline first. */
  public static List<Row> read(String json) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (JsonNode result : new ObjectMapper().readTree(json)) {
      String benchmark = result.path("benchmark").asText();
      int dot = benchmark.lastIndexOf('.');
      String className = benchmark.substring(0, dot);
      String method = benchmark.substring(dot + 1);
      Map<String, String> params = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = result.path("params").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> param = it.next();
        params.put(param.getKey(), param.getValue().asText());
      }
      JsonNode primary = result.path("primaryMetric");
      String mode = result.path("mode").asText();
      double score = primary.path("score").asDouble();
      double error = primary.path("scoreError").asDouble(Double.NaN);
      double median;
      Double p99 = null;
      if (mode.equals("sample")) {
        median = primary.path("scorePercentiles").path("50.0").asDouble(score);
        p99 = primary.path("scorePercentiles").path("99.0").asDouble(Double.NaN);
      } else {
        median = median(primary.path("rawData")).orElse(score);
      }
      JsonNode alloc = secondary(result.path("secondaryMetrics"), "gc.alloc.rate.norm");
      Optional<Method> found = method(className, method);
      rows.add(new Row(
          className,
          method,
          mode,
          result.path("threads").asInt(1),
          params,
          score,
          error,
          primary.path("scoreUnit").asText(),
          median,
          p99,
          alloc == null ? null : alloc.path("score").asDouble(),
          found
              .map(m -> m.getAnnotation(AudioPerOp.class))
              .map(AudioPerOp::bytes)
              .orElse(null),
          found.map(m -> m.isAnnotationPresent(Baseline.class)).orElse(false)));
    }
    rows.sort(Comparator.comparing(Row::className)
        .thenComparing(Row::paramsText)
        .thenComparingInt(Row::threads)
        .thenComparing(row -> !row.baseline())
        .thenComparing(Row::method));
    return rows;
  }

  /** The Markdown table of the rows. */
  public static String markdown(List<Row> rows) {
    Map<String, Row> baselines = new LinkedHashMap<>();
    for (Row row : rows) if (row.baseline()) baselines.put(row.group(), row);
    StringBuilder table = new StringBuilder();
    table.append(
        "| benchmark | params | threads | median | score ± error | unit | ratio to baseline | alloc B/op | p99 | audio throughput |\n");
    table.append("|---|---|---:|---:|---:|---|---:|---:|---:|---:|\n");
    for (Row row : rows) {
      Row baseline = baselines.get(row.group());
      String ratio = row.baseline()
          ? "1 (baseline)"
          : baseline == null || baseline.median() == 0
              ? "–"
              : number(row.median() / baseline.median()) + "x";
      table
          .append("| ")
          .append(row.simpleClass())
          .append('.')
          .append(row.method())
          .append(" | ")
          .append(row.paramsText())
          .append(" | ")
          .append(row.threads())
          .append(" | ")
          .append(number(row.median()))
          .append(" | ")
          .append(number(row.score()))
          .append(" ± ")
          .append(Double.isNaN(row.error()) ? "?" : number(row.error()))
          .append(" | ")
          .append(row.unit())
          .append(" | ")
          .append(ratio)
          .append(" | ")
          .append(
              row.allocBytesPerOp() == null
                  ? "–"
                  : String.format(Locale.ROOT, "%,.0f", row.allocBytesPerOp()))
          .append(" | ")
          .append(row.p99() == null || row.p99().isNaN() ? "–" : number(row.p99()))
          .append(" | ")
          .append(audioThroughput(row))
          .append(" |\n");
    }
    return table.toString();
  }

  /** {@code threads * bytes per op / mean time per op}, in MB/s; "–" where it does not apply. */
  static String audioThroughput(Row row) {
    if (row.audioBytesPerOp() == null) return "–";
    double secondsPerOp = row.score() * secondsPerUnit(row.unit());
    if (!(secondsPerOp > 0)) return "–";
    double bytesPerSecond = row.threads() * row.audioBytesPerOp() / secondsPerOp;
    return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1e6);
  }

  static double secondsPerUnit(String unit) {
    String time = unit.endsWith("/op") ? unit.substring(0, unit.length() - 3) : unit;
    return switch (time) {
      case "ns" -> 1e-9;
      case "us" -> 1e-6;
      case "ms" -> 1e-3;
      case "s" -> 1;
      case "min" -> 60;
      default -> Double.NaN; // a throughput unit (ops/time): not a time per operation
    };
  }

  /** Three significant digits, without exponent: 0.0123, 1.23, 123, 12,345. */
  static String number(double value) {
    double magnitude = Math.abs(value);
    if (magnitude >= 100) return String.format(Locale.ROOT, "%,.0f", value);
    if (magnitude >= 10) return String.format(Locale.ROOT, "%.1f", value);
    if (magnitude >= 1) return String.format(Locale.ROOT, "%.2f", value);
    if (magnitude == 0) return "0";
    int decimals = Math.min(8, 2 - (int) Math.floor(Math.log10(magnitude)));
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static Optional<Double> median(JsonNode rawData) {
    List<Double> values = new ArrayList<>();
    for (JsonNode fork : rawData) for (JsonNode value : fork) values.add(value.asDouble());
    if (values.isEmpty()) return Optional.empty();
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return Optional.of(
        sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
  }

  /** A secondary metric by name; JMH writes some names with a leading "·". */
  private static JsonNode secondary(JsonNode metrics, String name) {
    if (metrics.has(name)) return metrics.get(name);
    if (metrics.has("·" + name)) return metrics.get("·" + name);
    return null;
  }

  private static Optional<Method> method(String className, String name) {
    try {
      Class<?> type = Class.forName(className, false, ResultsTable.class.getClassLoader());
      return Stream.of(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst();
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  private static Optional<String> cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines
          .filter(line -> line.startsWith("model name"))
          .findFirst()
          .map(line -> line.substring(line.indexOf(':') + 1).trim());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
