package io.storescheduler.bootstrap.http;

import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, Deque's accessibility checker, run on the page a browser shows. Only violations whose
 * impact is serious or critical count: they are the ones that keep someone from using the page
 * (no name for a control, no text for an image), while minor and moderate ones are advice.
 */
final class Axe {

    static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private Axe() {}

    /** One rule the page breaks, with the CSS selectors of the elements that break it. */
    record Violation(String rule, String impact, String help, List<String> targets) {

        static Violation of(Rule rule) {
            return new Violation(rule.getId(), rule.getImpact(), rule.getHelp(),
                    rule.getNodes().stream().map(Violation::target).toList());
        }

        /** The element's selector; for one inside frames, each frame's selector first, joined by " >> ". */
        private static String target(CheckedNode node) {
            return node.getTarget() instanceof List<?> path
                    ? path.stream().map(String::valueOf).collect(Collectors.joining(" >> "))
                    : String.valueOf(node.getTarget());
        }

        String describe() {
            return rule + " (" + impact + "): " + help + " at " + String.join(", ", targets);
        }
    }

    /** The serious and critical violations on the page {@code driver} shows now. */
    static List<Violation> seriousViolations(WebDriver driver) {
        var results = new AxeBuilder().analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core could not check " + results.getUrl() + ": " + results.getErrorMessage());
        }
        return results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .map(Violation::of)
                .toList();
    }

    /** Fails, listing each one, if the page {@code driver} shows has serious or critical violations. */
    static void assertNoSeriousViolations(WebDriver driver) {
        var violations = seriousViolations(driver);
        if (!violations.isEmpty()) {
            fail(describe(violations));
        }
    }

    /** One line a violation: rule id, impact, help and the elements' selectors. */
    static String describe(List<Violation> violations) {
        return violations.stream().map(Violation::describe)
                .collect(Collectors.joining("\n  ", violations.size() + " serious or critical accessibility violations:\n  ", ""));
    }
}
