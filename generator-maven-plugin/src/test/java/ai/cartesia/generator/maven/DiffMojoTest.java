package ai.cartesia.generator.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffMojoTest {

  private static final File OLD = Path.of("..", "spec", "cartesia-2.0.4.yaml").toFile();
  private static final File NEW = Path.of("..", "spec", "cartesia-2.0.6.yaml").toFile();

  @TempDir
  Path dir;

  private DiffMojo mojo(File older, File newer) {
    DiffMojo mojo = new DiffMojo();
    mojo.oldSpec = older;
    mojo.spec = newer;
    mojo.format = "markdown";
    mojo.report = dir.resolve("target/cartesia-api-changes.md").toFile();
    mojo.failOnBreaking = true;
    mojo.nextVersion = "0.1.0-SNAPSHOT";
    return mojo;
  }

  @Test
  void aBreakingChangeFailsTheBuildAfterWritingTheReport() {
    DiffMojo mojo = mojo(OLD, NEW);
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("break Java callers");
    assertThat(mojo.report)
        .content()
        .contains("| removed | field | `WebSocketChunkResponse.flushId()` |");
  }

  @Test
  void reportOnlyWhenAskedNotToFail() throws Exception {
    DiffMojo mojo = mojo(OLD, NEW);
    mojo.failOnBreaking = false;
    mojo.format = "json";
    mojo.execute();
    assertThat(Files.readString(mojo.report.toPath())).contains("\"bump\" : \"major\"");
  }

  @Test
  void aVersionBumpBigEnoughPassesAndOneTooSmallFails() throws Exception {
    DiffMojo enough = mojo(OLD, NEW);
    enough.previousVersion = "1.2.0";
    enough.nextVersion = "2.0.0";
    enough.execute();

    DiffMojo tooSmall = mojo(OLD, NEW);
    tooSmall.previousVersion = "1.2.0";
    tooSmall.nextVersion = "1.3.0-SNAPSHOT";
    assertThatThrownBy(tooSmall::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining(
            "1.3.0-SNAPSHOT is a minor bump from 1.2.0, but the API changes call for a major bump");
  }

  @Test
  void theSameSpecOnBothSidesPasses() throws Exception {
    DiffMojo mojo = mojo(NEW, NEW);
    mojo.execute();
    assertThat(mojo.report).content().contains("Semantic version bump: **none**");
  }
}
