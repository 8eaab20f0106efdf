package io.mirrorwatch.lab;

import io.mirrorwatch.common.replication.PolicyKind;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One lab per test class: started before the first test, closed after the last, injected as a
 * {@link Lab} parameter. When a test fails, the tails of the broker and MM2 logs are printed.
 * Annotate the class with {@link Options} to choose the replication policy.
 */
public final class LabExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestWatcher {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(LabExtension.class);

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  public @interface Options {
    PolicyKind policy() default PolicyKind.DEFAULT;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    PolicyKind policy =
        context.getRequiredTestClass().isAnnotationPresent(Options.class)
            ? context.getRequiredTestClass().getAnnotation(Options.class).policy()
            : PolicyKind.DEFAULT;
    context.getStore(NS).put("lab", Lab.start(LabSpec.defaults().withPolicy(policy)));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Lab lab = context.getStore(NS).remove("lab", Lab.class);
    if (lab != null) {
      lab.close();
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Lab lab = context.getParent().map(p -> p.getStore(NS).get("lab", Lab.class)).orElse(null);
    if (lab != null) {
      System.err.println("=== lab logs after failure of " + context.getDisplayName() + " ===");
      System.err.println(lab.logTails(30));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Lab.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getStore(NS).get("lab", Lab.class) == null
        && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext.getStore(NS).get("lab", Lab.class);
  }
}
