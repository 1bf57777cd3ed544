package io.github.camellark.lark.support;

import java.util.List;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Registered for every test class (JUnit extension auto-detection): the console shows no log line of a passing test
 * (negative tests log the errors they provoke), and prints everything a failed test logged (captured by
 * {@link LogCapture}, our packages at DEBUG), so a real failure comes with its log.
 */
public class LogOnFailureExtension implements BeforeEachCallback, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LogOnFailureExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("firstLine", LogCapture.size());
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Integer first = context.getStore(NAMESPACE).get("firstLine", Integer.class);
        List<String> logged = LogCapture.linesFrom(first == null ? 0 : first);
        StringBuilder out = new StringBuilder("---- log of the failed test " + context.getDisplayName() + " (" + logged.size()
                                              + " lines) ----\n");
        logged.forEach(out::append);
        System.out.print(out.append("---- end of the log of ").append(context.getDisplayName()).append(" ----\n"));
    }
}
