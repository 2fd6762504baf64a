package ai.cartesia.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cartesia.model.TranscriptMessage;
import ai.cartesia.model.TranscriptionWord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every decoder of SttMessageBenchmark reads the same transcript, word for word. */
class SttMessageBenchmarkTest {

  @Test
  void everyDecoderReadsTheSameWordsAndTimes() throws Exception {
    SttMessageBenchmark benchmark = new SttMessageBenchmark();
    benchmark.setUp();
    int count = SttMessages.WORDS.size();
    assertThat(count).isEqualTo(20);

    TranscriptMessage sdk = (TranscriptMessage) benchmark.sdk();
    assertThat(sdk.requestId()).isEqualTo(SttMessages.REQUEST_ID);
    assertThat(sdk.text()).isEqualTo(String.join(" ", SttMessages.WORDS));
    assertThat(sdk.isFinal()).isTrue();
    assertThat(sdk.language()).contains("en");
    List<TranscriptionWord> words = sdk.words().orElseThrow();
    assertThat(words)
        .extracting(TranscriptionWord::word)
        .containsExactlyElementsOf(SttMessages.WORDS);
    for (int i = 0; i < count; i++) {
      assertThat(words.get(i).start()).isEqualTo(SttMessages.start(i));
      assertThat(words.get(i).end()).isEqualTo(SttMessages.end(i));
    }

    SttMessageBenchmark.TranscriptPojo pojo = benchmark.jacksonPojo();
    assertThat(pojo.text).isEqualTo(sdk.text());
    assertThat(pojo.words).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(pojo.words.get(i).word).isEqualTo(words.get(i).word());
      assertThat(pojo.words.get(i).start).isEqualTo(words.get(i).start());
      assertThat(pojo.words.get(i).end).isEqualTo(words.get(i).end());
    }

    var theirs = benchmark.openApiGenerator().getTranscriptMessage();
    assertThat(theirs.getText()).isEqualTo(sdk.text());
    assertThat(theirs.getIsFinal()).isTrue();
    assertThat(theirs.getWords()).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(theirs.getWords().get(i).getWord()).isEqualTo(words.get(i).word());
      assertThat(theirs.getWords().get(i).getStart()).isEqualTo(words.get(i).start());
      assertThat(theirs.getWords().get(i).getEnd()).isEqualTo(words.get(i).end());
    }

    assertThat(benchmark.jacksonTreeFloor().path("words")).hasSize(count);
  }
}
