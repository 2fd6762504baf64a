package ai.cartesia.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void surroundingWhiteSpaceIsStrippedAsFromAKeyFile() {
    Secret secret = Secret.of("  sk_car_abc123\n");

    assertThat(secret.reveal()).isEqualTo("sk_car_abc123");
    assertThat(secret.redact("sent sk_car_abc123 twice: sk_car_abc123"))
        .doesNotContain("sk_car_abc123");
  }

  @Test
  void aCharacterAHeaderCannotCarryIsRejectedByPositionWithoutQuotingTheKey() {
    assertThatThrownBy(() -> Secret.of("sk_car_ab\u00e9c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("character 10")
        .message()
        .doesNotContain("sk_car");
    assertThatThrownBy(() -> Secret.of("sk_car\tabc")).hasMessageContaining("character 7");
  }

  @Test
  void aBlankSecretIsRejected() {
    assertThatThrownBy(() -> Secret.of(" \n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
  }

  @Test
  void itsTextNeverShowsTheValue() {
    assertThat(Secret.of("sk_car_abc123").toString()).doesNotContain("abc123");
  }
}
