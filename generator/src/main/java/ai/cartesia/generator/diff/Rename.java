package ai.cartesia.generator.diff;

/** Two elements, one removed and one added, that look like one element renamed. */
public record Rename(String element, String from, String to) {}
