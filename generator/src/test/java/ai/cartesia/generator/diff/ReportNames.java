package ai.cartesia.generator.diff;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the change report would mention an element japicmp names by class and member: the
 * report speaks of types, fields, operations and channels, japicmp of the classes and methods
 * that generated code declares for them. The rules, in order:
 *
 * <ol>
 *   <li>anything inside a class japicmp finds removed is also that class's removal (its name by
 *       the rules below): the report lists a removed type or resource, not each of its members;
 *   <li>a method {@code x} of the root client class is the resource {@code client.x()};
 *   <li>beside the root client: a method {@code m} or {@code mAsync} of {@code XClient} or
 *       {@code XClient.WithRawResponse} is the operation or channel {@code x().m(...)} (whose
 *       parameters the report lists as {@code x().m(name)}), those classes themselves are the
 *       resource {@code client.x()}; the session classes {@code XWebSocket} and {@code XContext}
 *       are the channel {@code x().websocket(...)} (Retrofit services and decoders are internal,
 *       so neither japicmp nor the report sees them);
 *   <li>a method {@code m} of a model {@code T} or of its {@code T.Builder} is the field
 *       {@code T.m()}; a field (enum constant) {@code V} of {@code T} is the enum value
 *       {@code T.V}; the class {@code T}, and any class or member nested in it other than the
 *       builder's methods (enum {@code Known}, union {@code Visitor} and variants), is the type
 *       {@code T}.
 * </ol>
 */
final class ReportNames {

  /** Where the root client, the resource clients and the typed sessions are. */
  static final String CLIENTS = "ai.cartesia";

  static final String ROOT_CLIENT = "Cartesia";

  private ReportNames() {}

  /**
   * The report's names for {@code element}: its own, and that of the outermost enclosing class
   * japicmp found removed, if any ({@code removedClasses} holds qualified names, nested ones with dots).
   */
  static Set<String> of(JapicmpBreaks.Break element, Set<String> removedClasses) {
    Set<String> names = new TreeSet<>(Set.of(of(element)));
    String enclosing = "";
    for (String name : element.type().split("\\.")) {
      enclosing = enclosing.isEmpty() ? name : enclosing + "." + name;
      boolean itself = enclosing.equals(element.type()) && element.kind().equals("class");
      if (!itself && removedClasses.contains(element.packageName() + "." + enclosing)) {
        names.add(of(new JapicmpBreaks.Break(
            element.packageName(), enclosing, "class", "", "CLASS_REMOVED")));
        break;
      }
    }
    return names;
  }

  /** The report's name for {@code element} by rules 2 to 4. */
  static String of(JapicmpBreaks.Break element) {
    String outer = element.type().split("\\.")[0];
    boolean wholeClass = element.kind().equals("class") || element.kind().equals("constructor");
    if (element.packageName().equals(CLIENTS) && outer.equals(ROOT_CLIENT)) {
      return element.kind().equals("method") ? "client." + element.member() + "()" : ROOT_CLIENT;
    }
    if (element.packageName().equals(CLIENTS)) return clients(element, outer, wholeClass);
    boolean member = !wholeClass && element.type().indexOf('.') < 0;
    boolean builderMethod =
        element.type().equals(outer + ".Builder") && element.kind().equals("method");
    if (member && element.kind().equals("method") || builderMethod)
      return outer + "." + element.member() + "()";
    if (member && element.kind().equals("field")) return outer + "." + element.member();
    return outer;
  }

  private static String clients(JapicmpBreaks.Break element, String outer, boolean wholeClass) {
    if (outer.endsWith("WebSocket"))
      return decapitalize(outer.substring(0, outer.length() - "WebSocket".length()))
          + "().websocket(...)";
    if (outer.endsWith("Context"))
      return decapitalize(outer.substring(0, outer.length() - "Context".length()))
          + "().websocket(...)";
    if (!outer.endsWith("Client")) return "client helper " + element;
    String resource = decapitalize(outer.replaceFirst("Client$", ""));
    if (wholeClass) return "client." + resource + "()";
    return resource + "()." + element.member().replaceFirst("Async$", "") + "(...)";
  }

  private static String decapitalize(String name) {
    return name.isEmpty()
        ? name
        : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
  }
}
