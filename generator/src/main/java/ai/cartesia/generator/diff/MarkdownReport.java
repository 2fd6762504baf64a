package ai.cartesia.generator.diff;

import java.util.List;

/** The change report as Markdown, for a person, a pull request or a changelog entry. */
public final class MarkdownReport {

  private MarkdownReport() {}

  public static String of(ChangeReport report) {
    StringBuilder md = new StringBuilder();
    md.append("# API changes: ")
        .append(report.oldVersion())
        .append(" -> ")
        .append(report.newVersion())
        .append("\n\n");
    md.append("Semantic version bump: **")
        .append(report.bump().label())
        .append("** (")
        .append(report.breaking().size())
        .append(" breaking, ")
        .append(report.compatible().size())
        .append(" compatible)\n");
    section(md, "Breaking changes", report.breaking(), true);
    section(md, "Compatible changes", report.compatible(), false);
    if (!report.possibleRenames().isEmpty()) {
      md.append("\n## Possible renames\n\n");
      md.append(
          "Each pair below is listed above as removed and added; they look like one rename.\n\n");
      for (Rename rename : report.possibleRenames()) {
        md.append("- ")
            .append(rename.element())
            .append(' ')
            .append(code(rename.from()))
            .append(" -> ")
            .append(code(rename.to()))
            .append('\n');
      }
    }
    return md.toString();
  }

  private static void section(
      StringBuilder md, String title, List<Change> changes, boolean breaking) {
    md.append("\n## ").append(title).append(" (").append(changes.size()).append(")\n\n");
    if (changes.isEmpty()) {
      md.append("None.\n");
      return;
    }
    md.append(
        breaking
            ? "| change | element | Java | detail | breaks |\n|---|---|---|---|---|\n"
            : "| change | element | Java | detail |\n|---|---|---|---|\n");
    for (Change change : changes) {
      md.append("| ")
          .append(change.action().name().toLowerCase(java.util.Locale.ROOT))
          .append(" | ")
          .append(change.element())
          .append(" | ")
          .append(code(change.java()))
          .append(" | ")
          .append(cell(change.detail()));
      if (breaking) md.append(" | ").append(breaks(change));
      md.append(" |\n");
    }
  }

  private static String breaks(Change change) {
    StringBuilder what = new StringBuilder();
    if (change.breaksSource()) what.append("source");
    if (change.breaksBinary()) what.append(what.length() > 0 ? ", " : "").append("binary");
    if (change.breaksBehaviour()) what.append(what.length() > 0 ? ", " : "").append("behaviour");
    return what.toString();
  }

  private static String code(String text) {
    return "`" + text.replace("`", "'") + "`";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;");
  }
}
