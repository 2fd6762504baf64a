package ai.cartesia.generator.diff;

import ai.cartesia.generator.diff.ApiSurface.Element;
import ai.cartesia.generator.diff.ApiSurface.Kind;
import ai.cartesia.generator.diff.Change.Action;
import ai.cartesia.generator.model.ApiModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/** Compares the public API that two models generate, element by element, and classifies each change. */
public final class ApiDiff {

  private ApiDiff() {}

  public static ChangeReport compare(ApiModel older, ApiModel newer) {
    SortedMap<String, Element> before = ApiSurface.of(older);
    SortedMap<String, Element> after = ApiSurface.of(newer);
    List<Change> changes = new ArrayList<>();
    for (Map.Entry<String, Element> entry : before.entrySet()) {
      Element now = after.get(entry.getKey());
      if (now == null) {
        // A member of a removed type or operation goes with it: the report names the parent only.
        if (!gone(entry.getValue().parent(), after)) changes.add(removed(entry.getValue()));
      } else {
        changes.addAll(changed(entry.getValue(), now));
      }
    }
    for (Map.Entry<String, Element> entry : after.entrySet()) {
      if (!before.containsKey(entry.getKey()) && !gone(entry.getValue().parent(), before)) {
        changes.add(added(entry.getValue()));
      }
    }
    changes.sort(Comparator.comparing(Change::breaking)
        .reversed()
        .thenComparing(c -> Kind.ofLabel(c.element()))
        .thenComparing(Change::owner)
        .thenComparing(Change::java)
        .thenComparing(Change::action));
    return new ChangeReport(
        older.version(), newer.version(), changes, PossibleRenames.among(changes));
  }

  private static boolean gone(String parent, SortedMap<String, Element> elements) {
    return !parent.isEmpty() && !elements.containsKey(parent);
  }

  private static Change removed(Element element) {
    return Change.breakingEverything(
        Action.REMOVED,
        element.kind().label,
        element.owner(),
        element.java(),
        "removed" + describe(element));
  }

  private static Change added(Element element) {
    String detail = "added" + describe(element);
    boolean required = "true".equals(element.traits().get("required"));
    return switch (element.kind()) {
      case FIELD ->
        required
            ? new Change(
                Action.ADDED,
                element.kind().label,
                element.owner(),
                element.java(),
                detail + "; builders that do not set it now fail in build()",
                false,
                false,
                true)
            : Change.compatible(
                Action.ADDED, element.kind().label, element.owner(), element.java(), detail);
      case PARAMETER ->
        required
            ? Change.breakingEverything(
                Action.ADDED,
                element.kind().label,
                element.owner(),
                element.java(),
                detail + "; callers must now pass it")
            : Change.compatible(
                Action.ADDED, element.kind().label, element.owner(), element.java(), detail);
      default ->
        Change.compatible(
            Action.ADDED, element.kind().label, element.owner(), element.java(), detail);
    };
  }

  /** One change for an element that stays: its Java name or traits changed, classified by the worst. */
  private static List<Change> changed(Element before, Element after) {
    String label = after.kind().label;
    List<String> details = new ArrayList<>();
    TraitRule worst = TraitRule.COMPATIBLE;
    if (!before.java().equals(after.java())) {
      details.add("renamed from " + before.java());
      worst = TraitRule.BREAKS_SIGNATURE;
    }
    for (Map.Entry<String, String> trait : before.traits().entrySet()) {
      String was = trait.getValue();
      String now = after.traits().get(trait.getKey());
      if (Objects.equals(was, now)) continue;
      details.add(trait.getKey() + ": " + was + " -> " + now);
      TraitRule rule = TraitRule.of(after.kind(), trait.getKey(), now);
      if (rule.ordinal() < worst.ordinal()) worst = rule;
    }
    if (details.isEmpty()) return List.of();
    Action action = before.java().equals(after.java()) ? Action.CHANGED : Action.RENAMED;
    String detail = String.join("; ", details);
    return List.of(
        switch (worst) {
          case BREAKS_SIGNATURE ->
            Change.breakingEverything(action, label, after.owner(), after.java(), detail);
          case BREAKS_BEHAVIOUR ->
            new Change(action, label, after.owner(), after.java(), detail, false, false, true);
          case COMPATIBLE -> Change.compatible(action, label, after.owner(), after.java(), detail);
        });
  }

  private static String describe(Element element) {
    if (element.traits().isEmpty()) return "";
    StringBuilder text = new StringBuilder(" (");
    element.traits().forEach((name, value) -> {
      if (text.length() > 2) text.append(", ");
      text.append(name).append(' ').append(value);
    });
    return text.append(')').toString();
  }

  /** What a change of one trait means for callers. */
  enum TraitRule {
    BREAKS_SIGNATURE,
    BREAKS_BEHAVIOUR,
    COMPATIBLE;

    static TraitRule of(Kind kind, String trait, String now) {
      return switch (trait) {
        // The server's address of an operation or channel is not in any Java signature.
        case "HTTP", "path", "in" -> COMPATIBLE;
        // A field that became required must now be set; one that became optional changes its
        // accessor,
        // which the "returns" trait reports.
        case "required" ->
          kind == Kind.FIELD
              ? ("true".equals(now) ? BREAKS_BEHAVIOUR : COMPATIBLE)
              : BREAKS_SIGNATURE;
        default -> BREAKS_SIGNATURE;
      };
    }
  }
}
