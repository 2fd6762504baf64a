package ai.cartesia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ai.cartesia.core.audio.WavFile;
import ai.cartesia.core.audio.WordTiming;
import ai.cartesia.core.observe.CartesiaListener;
import ai.cartesia.core.observe.LogLevel;
import ai.cartesia.testing.FakeAudio;
import ai.cartesia.testing.FakeCartesiaServer;
import ai.cartesia.testing.FakeTranscript;
import ai.cartesia.testing.FakeVoice;
import ai.cartesia.testing.FakeVoices;
import ai.cartesia.testing.Faults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of the README runs against {@link FakeCartesiaServer}, with
 * retries off, and does what the README says. Each block is compiled into a subclass of {@link
 * ReadmeExample} (its {@code import} lines on top, the rest as {@code example()}), given a client
 * of the fake and a directory holding the files the README names, and run in README order on
 * one client, so pooled connections are reused from block to block.
 *
 * <p>Each block is matched to one {@link Expectation} by a marker, a piece of code only that block
 * contains, and the expectation checks what the block printed, played, wrote and asked the fake.
 * A block that matches no expectation, or several, fails the test with its README line, and so
 * does an expectation whose block is gone: a changed README shows here until its checks follow.
 * Blocks with branches for failures run once more with the fake failing ({@link FaultRun}).
 */
@Timeout(180)
class ReadmeExamplesRunTest {

  private static final Duration BLOCK_TIMEOUT = Duration.ofSeconds(30);

  @TempDir
  Path classes;

  @TempDir
  Path work;

  /**
   * What one block must do; {@code marker} is code that only this block contains. The block's
   * variables named in {@code keep} are handed to the check ({@link ReadmeExample#kept}); a block
   * {@code inChildJvm} is not run here but left to its check, which runs it in a JVM of its own.
   */
  record Expectation(String marker, List<String> keep, boolean inChildJvm, Check check) {
    Expectation(String marker, Check check) {
      this(marker, List.of(), false, check);
    }

    static Expectation keeping(String marker, List<String> keep, Check check) {
      return new Expectation(marker, keep, false, check);
    }

    static Expectation inChildJvm(String marker, List<String> keep, Check check) {
      return new Expectation(marker, keep, true, check);
    }
  }

  /** A second run of the block with {@code marker}, with the fake failing as {@code faults} say. */
  record FaultRun(String marker, Faults faults, Check check) {}

  @FunctionalInterface
  interface Check {
    void verify(Run run) throws Exception;
  }

  /** One block's run: what it printed (still recording while the check runs), played and asked. */
  static final class Run {
    final ReadmeExample example;
    final String className;
    final Throwable failure;
    private final ByteArrayOutputStream out;
    private final ByteArrayOutputStream err;
    private final FakeCartesiaServer fake;
    private final List<RecordedRequest> requests = new ArrayList<>();

    Run(
        ReadmeExample example,
        Throwable failure,
        ByteArrayOutputStream out,
        ByteArrayOutputStream err,
        FakeCartesiaServer fake) {
      this.example = example;
      this.className = example.getClass().getName();
      this.failure = failure;
      this.out = out;
      this.err = err;
      this.fake = fake;
    }

    String stdout() {
      synchronized (out) {
        return out.toString(StandardCharsets.UTF_8);
      }
    }

    String stderr() {
      synchronized (err) {
        return err.toString(StandardCharsets.UTF_8);
      }
    }

    /** Waits for output printed from another thread (an async callback) to contain {@code text}. */
    String awaitStdout(String text) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!stdout().contains(text) && System.nanoTime() < deadline) Thread.sleep(10);
      return stdout();
    }

    byte[] playedJoined() {
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      example.played().forEach(joined::writeBytes);
      return joined.toByteArray();
    }

    /** The requests the fake received during this block (handshakes included). */
    List<RecordedRequest> requests() throws InterruptedException {
      for (RecordedRequest r = fake.takeRequest(Duration.ofMillis(200));
          r != null;
          r = fake.takeRequest(Duration.ofMillis(50))) {
        requests.add(r);
      }
      return requests;
    }
  }

  /** What each README block must do, given the fake's settings; see the class comment. */
  private List<Expectation> expectations(FakeCartesiaServer fake) {
    int chunks = fake.chunksPerGeneration();
    int size = fake.chunkBytes();
    FakeVoice first = FakeVoices.get(0);
    return List.of(
        new Expectation("Cartesia fromEnvironment", run -> {
          // It builds clients only; the first reads CARTESIA_API_KEY, and without it throws as the
          // README says.
          if (System.getenv(Cartesia.API_KEY_ENVIRONMENT_VARIABLE) == null) {
            assertThat(run.failure)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CARTESIA_API_KEY");
          } else {
            assertThat(run.failure).isNull();
          }
          assertThat(run.stdout()).isEmpty();
        }),
        new Expectation("voice.name() + \" (\"", run -> {
          assertNoFailure(run);
          assertThat(run.stdout())
              .startsWith(first.name() + " (" + first.language() + "), created 2024-11-13T00:00")
              .endsWith("\n")
              .hasLineCount(1);
        }),
        new Expectation("getAsync(", run -> {
          assertNoFailure(run);
          assertThat(run.awaitStdout("\n")).isEqualTo(first.name() + "\n");
          assertThat(run.stderr()).isEmpty();
        }),
        new Expectation("client.tts().bytes(", run -> {
          assertNoFailure(run);
          byte[] speech = FakeAudio.speech("Hello, world!", chunks, size);
          assertThat(work.resolve("hello.mp3")).hasBinaryContent(speech);
          assertThat(run.example.played()).hasSize(1);
          assertThat(run.example.played().get(0)).isEqualTo(speech);
          assertThat(run.requests())
              .extracting(RecordedRequest::getTarget)
              .containsExactly("/tts/bytes", "/tts/bytes");
        }),
        new Expectation("client.tts().sse(", run -> {
          assertNoFailure(run);
          assertThat(run.playedJoined()).isEqualTo(FakeAudio.speech("Hello, world!", chunks, size));
          assertThat(run.stdout()).isEqualTo("[Hello,, world!]\n");
          assertThat(run.stderr()).isEmpty();
        }),
        new Expectation("client.stt().transcribe(", run -> {
          assertNoFailure(run);
          StringBuilder expected = new StringBuilder(FakeTranscript.text(1.0)).append('\n');
          for (int i = 0; i < FakeTranscript.wordCount(1.0); i++) {
            expected.append(String.format(
                "%6.2f-%6.2f %s%n",
                FakeTranscript.start(i), FakeTranscript.end(i), FakeTranscript.word(i)));
          }
          assertThat(run.stdout()).isEqualTo(expected.toString());
        }),
        new Expectation("client.voices().list(", run -> {
          assertNoFailure(run);
          List<FakeVoice> owned =
              FakeVoices.all().stream().filter(FakeVoice::isOwner).collect(Collectors.toList());
          StringBuilder expected = new StringBuilder();
          owned.forEach(v -> expected
              .append(v.id())
              .append(' ')
              .append(v.name())
              .append(v.isStarred() ? " *" : "")
              .append('\n'));
          expected.append(owned.size()).append(" voices, more: false\n");
          assertThat(run.stdout()).isEqualTo(expected.toString());
        }),
        new Expectation("RequestOptions.builder()", run -> {
          assertNoFailure(run);
          assertThat(run.stdout()).isEmpty();
          assertThat(run.requests()).singleElement().satisfies(request -> {
            assertThat(request.getTarget()).isEqualTo("/voices/" + first.id());
            assertThat(request.getHeaders().get("X-Request-Source")).isEqualTo("nightly-sync");
          });
        }),
        new Expectation("withRawResponse()", run -> {
          assertNoFailure(run);
          assertThat(run.stdout()).matches("200 [0-9a-f-]{36} " + first.name() + "\n");
        }),
        new Expectation("catch (NotFoundException", run -> {
          assertNoFailure(run);
          assertThat(run.stdout()).isEmpty();
          assertThat(run.stderr()).isEqualTo("no such voice\n");
          assertThat(run.requests())
              .extracting(RecordedRequest::getTarget)
              .containsExactly("/voices/no-such-voice");
        }),
        new Expectation("session.context(settings)", run -> {
          assertNoFailure(run);
          // The turn's audio is every pushed piece's, in order; the second context's goes to
          // collectSpeech.
          ByteArrayOutputStream turn = new ByteArrayOutputStream();
          for (String piece :
              List.of("Hello", ", how ", "can I help", " you today?", " Anything else?")) {
            turn.writeBytes(FakeAudio.speech(piece, chunks, size));
          }
          assertThat(run.playedJoined()).isEqualTo(turn.toByteArray());
          List<String> words = FakeAudio.words("The answer is forty-two.");
          List<WordTiming> timings = new ArrayList<>();
          for (int i = 0; i < words.size(); i++)
            timings.add(new WordTiming(words.get(i), FakeAudio.start(i), FakeAudio.end(i)));
          // "turn done" comes from a delivery thread, so it may follow the words' line.
          assertThat(run.awaitStdout("turn done\n").lines())
              .containsExactlyInAnyOrder("turn done", timings.toString());
          assertThat(run.stderr()).isEmpty();
          assertThat(run.requests())
              .extracting(r -> r.getUrl().encodedPath())
              .containsExactly("/tts/websocket");
        }),
        new Expectation("session.finalizeAudio()", run -> {
          assertNoFailure(run);
          assertThat(run.stdout()).isEqualTo(FakeTranscript.text(1.0) + "\n");
          assertThat(run.stderr()).isEmpty();
          assertThat(run.requests()).singleElement().satisfies(handshake -> {
            assertThat(handshake.getUrl().encodedPath()).isEqualTo("/stt/websocket");
            assertThat(handshake.getUrl().queryParameter("sample_rate")).isEqualTo("16000");
            assertThat(handshake.getUrl().queryParameter("encoding")).isEqualTo("pcm_s16le");
          });
        }),
        new Expectation("OverflowPolicy.WAIT", run -> {
          assertNoFailure(run);
          assertThat(run.playedJoined()).isEqualTo(FakeAudio.speech("Hello!", chunks, size));
          assertThat(run.stdout()).isEmpty();
          assertThat(run.stderr()).isEmpty();
        }),
        Expectation.inChildJvm("Cartesia behindProxy", List.of("behindProxy"), run -> {
          // Run in a JVM of its own: with PROXY_PASSWORD set, and a hosts file of loopback names
          // only,
          // so that proxy.internal is never looked up on the network. It must build without
          // connecting.
          Path hosts = work.resolve("loopback-hosts");
          Files.writeString(hosts, "127.0.0.1 localhost\n::1 localhost\n");
          ChildJvm.Result child = ChildJvm.run(
              ReadmeBlockMain.class,
              List.of("-Djdk.net.hosts.file=" + hosts),
              environment -> {
                environment.put("PROXY_PASSWORD", "proxy-secret-42");
                environment.remove(Cartesia.API_KEY_ENVIRONMENT_VARIABLE);
                environment.remove(Cartesia.BASE_URL_ENVIRONMENT_VARIABLE);
              },
              classes.toString(),
              run.className,
              work.toString());
          assertThat(child.exitCode()).as(child.output()).isZero();
          assertThat(child.output().lines())
              .contains(
                  "proxy=HTTP proxy.internal:3128",
                  "resolved=false",
                  "user=build-bot",
                  "password=as PROXY_PASSWORD",
                  "userAgent=cartesia-java/" + ai.cartesia.core.SdkVersion.of(Cartesia.class)
                      + " my-agent/1.2");
          assertThat(child.output())
              .contains("shown=Cartesia{")
              .doesNotContain("proxy-secret-42")
              .doesNotContain("sk_car_...");
          assertThat(run.requests()).isEmpty();
        }),
        Expectation.keeping("Cartesia verbose", List.of("verbose"), run -> {
          assertNoFailure(run);
          try (Cartesia verbose = run.example.kept("verbose")) {
            assertThat(verbose.options().logLevel()).contains(LogLevel.DEBUG);
            assertThat(verbose.options().apiKey())
                .hasValueSatisfying(key -> assertThat(key.reveal()).isEqualTo("sk_car_..."));
            assertThat(verbose.options().baseUrl().toString())
                .isEqualTo(Cartesia.DEFAULT_BASE_URL + "/");
          }
          assertThat(run.stdout()).isEmpty();
          assertThat(run.stderr()).as("building logs nothing").isEmpty();
          assertThat(run.requests()).isEmpty();
        }),
        Expectation.keeping(
            "LongAdder serverErrors", List.of("metrics", "serverErrors", "observed"), run -> {
              assertNoFailure(run);
              CartesiaListener metrics = run.example.kept("metrics");
              LongAdder serverErrors = run.example.kept("serverErrors");
              try (Cartesia observed = run.example.kept("observed")) {
                assertThat(observed.options().listeners()).containsExactly(metrics);
              }
              assertThat(run.stdout()).isEmpty();
              assertThat(run.requests()).isEmpty();
              // The listener at work, on a client of the fake: a request, a 500, and a generation's
              // first audio.
              try (Cartesia local = Cartesia.builder()
                  .baseUrl(fake.baseUrl())
                  .apiKey(fake.apiKey())
                  .maxRetries(0)
                  .listener(metrics)
                  .build()) {
                local.voices().get(first.id());
                assertThat(run.awaitStdout(" ms\n"))
                    .matches("GET voices/\\{[a-z_]+\\} took \\d+ ms\n");
                assertThat(serverErrors.sum()).isZero();
                fake.faults(Faults.none().failHttpWith(500, 1));
                try {
                  assertThat(org.assertj.core.api.Assertions.catchThrowable(
                          () -> local.voices().get(first.id())))
                      .isInstanceOf(ai.cartesia.core.errors.ApiException.class);
                } finally {
                  fake.faults(Faults.none());
                }
                assertThat(serverErrors.sum()).isEqualTo(1);
                try (TtsWebSocket session = local.tts().websocket()) {
                  TtsContext context = session.context();
                  context.send(ai.cartesia.model.GenerationRequest.builder()
                      .modelId("sonic-2")
                      .transcript("Hi!")
                      .voice(ai.cartesia.model.TtsRequestIdSpecifier.builder()
                          .id(first.id())
                          .build())
                      .outputFormat(ai.cartesia.model.WebSocketRawOutputFormat.builder()
                          .encoding(ai.cartesia.model.RawEncoding.PCM_S16LE)
                          .sampleRate(16000)
                          .build())
                      .build());
                  context.forEach(message -> {});
                }
                assertThat(run.awaitStdout("time to first audio"))
                    .containsOnlyOnce("time to first audio: ")
                    .containsPattern("time to first audio: \\d+ ms\n");
              }
            }),
        new Expectation("FakeCartesiaServer.start()", run -> {
          // It starts, uses and closes a fake of its own.
          assertNoFailure(run);
          assertThat(run.stdout()).isEmpty();
        }));
  }

  /** Second runs under faults, for the branches a block has for failures. */
  private static List<FaultRun> faultRuns(FakeCartesiaServer fake) {
    int chunks = fake.chunksPerGeneration();
    int size = fake.chunkBytes();
    String apiKey = fake.apiKey();
    return List.of(
        new FaultRun("catch (RateLimitException", Faults.none().failHttpWith(429, 1), run -> {
          assertNoFailure(run);
          assertThat(run.stderr()).isEqualTo("too many requests; retry after 1\n");
          assertThat(run.requests()).as("one attempt: retries are off").hasSize(1);
        }),
        new FaultRun("catch (ApiException", Faults.none().failHttpWith(500, 1), run -> {
          assertNoFailure(run);
          assertThat(run.stderr()).startsWith("HTTP 500: ").contains("internal_error");
        }),
        new FaultRun("OverflowPolicy.WAIT", Faults.none().dropAfter(2), run -> {
          assertNoFailure(run);
          assertThat(run.stderr()).startsWith("the socket ended first: ").hasLineCount(1);
          // what came before the drop was played, and no more
          byte[] whole = FakeAudio.speech("Hello!", chunks, size);
          assertThat(run.playedJoined())
              .hasSizeLessThan(whole.length)
              .isEqualTo(java.util.Arrays.copyOf(whole, run.playedJoined().length));
        }),
        new FaultRun("OverflowPolicy.WAIT", Faults.none().malformedFrameAfter(1), run -> {
          assertNoFailure(run);
          assertThat(run.stderr())
              .startsWith("skipped a frame: ")
              .hasLineCount(1)
              .doesNotContain(apiKey);
          assertThat(run.playedJoined()).isEqualTo(FakeAudio.speech("Hello!", chunks, size));
        }));
  }

  private static void assertNoFailure(Run run) {
    if (run.failure != null)
      throw new AssertionError("the block threw " + run.failure, run.failure);
  }

  /** The files the README's examples read, each one second of 16 kHz 16-bit mono audio. */
  private void prepareFiles() {
    byte[] oneSecond = new byte[32_000];
    for (int i = 0; i < oneSecond.length; i += 2) oneSecond[i] = (byte) (i % 251);
    WavFile.write(oneSecond, WavFile.Encoding.PCM_S16LE, 16_000, 1, work.resolve("call.wav"));
    WavFile.write(oneSecond, WavFile.Encoding.PCM_S16LE, 16_000, 1, work.resolve("speech.wav"));
  }

  @Test
  void everyReadmeExampleRunsAgainstTheFake() throws Exception {
    List<ReadmeExamplesTest.Block> blocks = ReadmeExamplesTest.javaBlocks(
        Files.readAllLines(ReadmeExamplesTest.readme(), StandardCharsets.UTF_8));
    try (FakeCartesiaServer fake = FakeCartesiaServer.start()) {
      List<Expectation> expectations = expectations(fake);
      List<Expectation> matched = match(blocks, expectations);
      List<RunnableUnit> compiled = new ArrayList<>();
      for (int i = 0; i < blocks.size(); i++)
        compiled.add(wrap(blocks.get(i), i + 1, matched.get(i).keep()));
      List<String> errors = compile(compiled);
      if (!errors.isEmpty()) fail("README examples do not compile:\n" + String.join("\n", errors));
      prepareFiles();

      List<String> problems = new ArrayList<>();
      try (Cartesia client = Cartesia.builder()
              .baseUrl(fake.baseUrl())
              .apiKey(fake.apiKey())
              .maxRetries(0)
              .build();
          URLClassLoader loader = new URLClassLoader(
              new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
        for (int i = 0; i < blocks.size(); i++) {
          String where = "README.md:" + blocks.get(i).firstLine() + " (the block with "
              + matched.get(i).marker() + ")";
          ReadmeExample example = (ReadmeExample) loader
              .loadClass("readme." + compiled.get(i).className())
              .getDeclaredConstructor()
              .newInstance();
          example.prepare(client, work);
          try {
            checkOne(example, matched.get(i), fake);
          } catch (AssertionError e) {
            problems.add(where + ": " + e.getMessage());
          }
        }
      }
      try (Cartesia client = Cartesia.builder()
              .baseUrl(fake.baseUrl())
              .apiKey(fake.apiKey())
              .maxRetries(0)
              .build();
          URLClassLoader loader = new URLClassLoader(
              new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
        for (FaultRun faultRun : faultRuns(fake)) {
          int i = blockWith(blocks, faultRun.marker());
          if (i < 0) {
            problems.add("no README java block contains \"" + faultRun.marker()
                + "\" any more: update or remove its fault run");
            continue;
          }
          ReadmeExample example = (ReadmeExample) loader
              .loadClass("readme." + compiled.get(i).className())
              .getDeclaredConstructor()
              .newInstance();
          example.prepare(client, work);
          fake.faults(faultRun.faults());
          try {
            checkOne(example, new Expectation(faultRun.marker(), faultRun.check()), fake);
          } catch (AssertionError e) {
            problems.add("README.md:" + blocks.get(i).firstLine() + " (the block with "
                + faultRun.marker() + ", under " + faultRun.faults() + "): " + e.getMessage());
          } finally {
            fake.faults(Faults.none());
          }
        }
      }
      if (!problems.isEmpty())
        fail(problems.size() + " README example(s) did not do what they must:\n\n"
            + String.join("\n\n", problems));
    }
  }

  /** The check itself: a block no expectation knows, and an expectation whose block is gone, are named. */
  @Test
  void aBlockWithoutItsExpectationAndAnExpectationWithoutItsBlockAreNamed() {
    List<ReadmeExamplesTest.Block> blocks = ReadmeExamplesTest.javaBlocks(List.of(
        "# Title",
        "```java",
        "import ai.cartesia.model.Voice;",
        "Voice voice = client.voices().get(\"x\");",
        "```",
        "text",
        "```java",
        "client.tts().push(\"new session type\");",
        "```"));
    List<Expectation> expectations = List.of(
        new Expectation("client.voices().get(", run -> assertNoFailure(run)),
        new Expectation("client.tts().websocket()", run -> assertNoFailure(run)));

    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> match(blocks, expectations)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "README.md:8 (\"client.tts().push(\"new session type\");\") matches no expectation")
        .hasMessageContaining("no README java block contains \"client.tts().websocket()\" any more")
        .hasMessageNotContaining("README.md:3");
  }

  @Test
  void relativeFileNamesAreRewrittenIntoTheRunDirectory() {
    assertThat(inWorkDirectory("x.writeTo(Path.of(\"hello.mp3\"));"))
        .isEqualTo("x.writeTo(workPath(\"hello.mp3\"));");
    assertThat(inWorkDirectory("open(new File(\"call.wav\"))"))
        .isEqualTo("open(workFile(\"call.wav\"))");
  }

  @Test
  void theVariablesAnExpectationKeepsAreHandedOverAfterTheBlock() {
    RunnableUnit unit = wrap(
        new ReadmeExamplesTest.Block(
            7, List.of("import java.util.List;", "", "List<String> x = List.of();")),
        3,
        List.of("x"));
    assertThat(unit.source())
        .contains("    List<String> x = List.of();\n    keep(\"x\", x);\n  }\n}\n");
    assertThat(unit.readmeLines().get(unit.source().split("\n").length - 3))
        .as("an appended line has no README line")
        .isZero();
  }

  /** Runs one block with its output captured, then checks it while the capture still records. */
  private void checkOne(ReadmeExample example, Expectation expectation, FakeCartesiaServer fake)
      throws Exception {
    while (fake.takeRequest(Duration.ofMillis(1)) != null) {
      // requests of the blocks before belong to them
    }
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(new Locked(out), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Locked(err), true, StandardCharsets.UTF_8));
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Throwable failure = null;
      if (!expectation.inChildJvm()) {
        Future<?> running = runner.submit(() -> {
          example.example();
          return null;
        });
        try {
          running.get(BLOCK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          failure = e.getCause();
        } catch (TimeoutException e) {
          running.cancel(true);
          throw new AssertionError(
              "the block did not end within " + BLOCK_TIMEOUT.toSeconds() + " s");
        }
      }
      Run run = new Run(example, failure, out, err, fake);
      try {
        expectation.check().verify(run);
      } catch (AssertionError e) {
        throw new AssertionError(
            e.getMessage() + "\n  it printed: " + run.stdout() + "\n  and on stderr: "
                + run.stderr(),
            e);
      }
    } finally {
      runner.shutdownNow();
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }

  private static int blockWith(List<ReadmeExamplesTest.Block> blocks, String marker) {
    for (int i = 0; i < blocks.size(); i++) {
      if (String.join("\n", blocks.get(i).lines()).contains(marker)) return i;
    }
    return -1;
  }

  /** Each block's one expectation, in block order; fails naming each block without exactly one, and each unused expectation. */
  static List<Expectation> match(
      List<ReadmeExamplesTest.Block> blocks, List<Expectation> expectations) {
    List<String> problems = new ArrayList<>();
    List<Expectation> matched = new ArrayList<>();
    List<Expectation> used = new ArrayList<>();
    for (ReadmeExamplesTest.Block block : blocks) {
      String code = String.join("\n", block.lines());
      List<Expectation> candidates =
          expectations.stream().filter(e -> code.contains(e.marker())).collect(Collectors.toList());
      String firstCode = block.lines().stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("import ") && !l.startsWith("//"))
          .findFirst()
          .orElse("");
      if (candidates.size() != 1) {
        problems.add("README.md:" + block.firstLine() + " (\"" + firstCode + "\") matches "
            + (candidates.isEmpty()
                ? "no expectation: add one to ReadmeExamplesRunTest.expectations saying what it must do"
                : "several expectations: "
                    + candidates.stream().map(Expectation::marker).collect(Collectors.toList())));
        matched.add(null);
      } else {
        matched.add(candidates.get(0));
        used.add(candidates.get(0));
      }
    }
    for (Expectation expectation : expectations) {
      if (!used.contains(expectation)) {
        problems.add("no README java block contains \"" + expectation.marker()
            + "\" any more: update or remove its expectation");
      }
    }
    if (!problems.isEmpty()) throw new AssertionError(String.join("\n", problems));
    return matched;
  }

  /** A compilation unit made of a block, with the README line of each of its lines (0 for wrapper lines). */
  record RunnableUnit(String className, String source, List<Integer> readmeLines) {}

  static RunnableUnit wrap(ReadmeExamplesTest.Block block, int index, List<String> keep) {
    String className = "ReadmeRun" + index;
    List<String> out = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    out.add("package readme;");
    at.add(0);
    List<String> lines = block.lines();
    int i = 0;
    for (; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("import ")) {
        out.add(lines.get(i));
        at.add(block.firstLine() + i);
      } else if (!line.isEmpty() && !line.startsWith("//")) {
        break;
      }
    }
    for (String line : new String[] {
      "@SuppressWarnings(\"unused\")",
      "public class " + className + " extends ai.cartesia.ReadmeExample {",
      "  @Override public void example() throws Exception {"
    }) {
      out.add(line);
      at.add(0);
    }
    for (; i < lines.size(); i++) {
      out.add("    " + inWorkDirectory(lines.get(i)));
      at.add(block.firstLine() + i);
    }
    for (String name : keep) {
      out.add("    keep(\"" + name + "\", " + name + ");");
      at.add(0);
    }
    out.add("  }");
    at.add(0);
    out.add("}");
    at.add(0);
    return new RunnableUnit(className, String.join("\n", out) + "\n", at);
  }

  /** Relative file names in a block resolve in the run's directory, not in the JVM's. */
  static String inWorkDirectory(String line) {
    return line.replace("Path.of(\"", "workPath(\"").replace("new File(\"", "workFile(\"");
  }

  private List<String> compile(List<RunnableUnit> units) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK compiler (tests must run on a JDK)").isNotNull();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> errors = new ArrayList<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
      List<JavaFileObject> sources = new ArrayList<>();
      for (RunnableUnit unit : units) {
        sources.add(
            new SimpleJavaFileObject(
                URI.create("string:///readme/" + unit.className() + ".java"),
                JavaFileObject.Kind.SOURCE) {
              @Override
              public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return unit.source();
              }
            });
      }
      List<String> options =
          List.of("--release", "17", "-proc:none", "-classpath", ChildJvm.testClassPath());
      boolean ok = javac
          .getTask(new StringWriter(), files, diagnostics, options, null, sources)
          .call();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() != Diagnostic.Kind.ERROR) continue;
        errors.add(where(units, d) + d.getMessage(Locale.ROOT));
      }
      if (!ok && errors.isEmpty()) errors.add("javac failed without an error message");
    }
    return errors;
  }

  private static String where(List<RunnableUnit> units, Diagnostic<? extends JavaFileObject> d) {
    for (RunnableUnit unit : units) {
      if (d.getSource() == null || !d.getSource().getName().endsWith(unit.className() + ".java"))
        continue;
      int line = (int) d.getLineNumber();
      int readmeLine =
          line >= 1 && line <= unit.readmeLines().size() ? unit.readmeLines().get(line - 1) : 0;
      return "README.md:" + (readmeLine == 0 ? "(wrapper of " + unit.className() + ")" : readmeLine)
          + ": ";
    }
    return "";
  }

  /** Writes under the buffer's lock, so a check reads whole lines while an async callback prints. */
  private static final class Locked extends java.io.OutputStream {
    private final ByteArrayOutputStream buffer;

    Locked(ByteArrayOutputStream buffer) {
      this.buffer = buffer;
    }

    @Override
    public void write(int b) {
      synchronized (buffer) {
        buffer.write(b);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      synchronized (buffer) {
        buffer.write(bytes, offset, length);
      }
    }
  }
}
