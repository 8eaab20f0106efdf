package io.mirrorwatch.common.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The architecture rules of STYLE.md rule 12, each defined once. Every module checks its own main
 * classes against them ({@link ModuleArchitecture}, {@link DeployableArchitecture}); a module's
 * {@code archfixture} test packages break a rule on purpose, so that a test shows the rule can fail
 * ({@link #assertBrokenBy}). Fixtures are test classes and {@link #mainClasses} leaves test classes
 * out, so they never reach the real checks.
 */
public final class ArchRules {
  public static final String ROOT = "io.mirrorwatch";
  private static final String AGENT = ROOT + ".agent..";
  private static final String RECONCILER = ROOT + ".reconciler..";
  private static final String CUTOVER = ROOT + ".cutover..";

  /** Every package of ours is a slice of its own, a module's root package included. */
  private static final SliceAssignment BY_PACKAGE =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
          String pkg = c.getPackageName();
          return pkg.equals(ROOT) || pkg.startsWith(ROOT + ".")
              ? SliceIdentifier.of(pkg)
              : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
          return "each package of " + ROOT;
        }
      };

  /** No two packages depend on each other, directly or through others. */
  public static final ArchRule NO_PACKAGE_CYCLES =
      slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles();

  /**
   * Packages named {@code model}, {@code evaluate}, {@code finding}, {@code plan} or {@code
   * translate}, in any module, hold values and pure functions (STYLE.md rules 1 and 2): they see no
   * client library or framework type.
   */
  public static final ArchRule PURE_PACKAGES_SEE_NO_FRAMEWORK =
      noClasses()
          .that()
          .resideInAnyPackage(
              "..model..", "..evaluate..", "..finding..", "..plan..", "..translate..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.apache.kafka..", "io.micrometer..", "io.prometheus..", "org.apache.flink..")
          .because("evaluation is pure: snapshots and values in, values out");

  /**
   * The deployables (agent, reconciler, cutover) ship without the lab: it is for tests, demo and
   * bench.
   */
  public static final ArchRule DEPLOYABLES_DO_NOT_IMPORT_THE_LAB =
      noClasses()
          .that()
          .resideInAnyPackage(AGENT, RECONCILER, CUTOVER)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(ROOT + ".lab..")
          .because("the lab is a test and demo dependency only");

  /**
   * The agent and the reconciler never import each other; what they share lives in common. The
   * cutover tool runs the agent's rules (it may import the agent) but never the reconciler, and
   * neither imports the cutover tool.
   */
  public static final ArchRule DEPLOYABLES_DO_NOT_IMPORT_EACH_OTHER =
      CompositeArchRule.of(neverImports(AGENT, RECONCILER))
          .and(neverImports(RECONCILER, AGENT))
          .and(neverImports(CUTOVER, RECONCILER))
          .and(neverImports(AGENT, CUTOVER))
          .and(neverImports(RECONCILER, CUTOVER));

  private ArchRules() {}

  /** Either side may be absent from the classes checked: a module checks only its own classes. */
  private static ArchRule neverImports(String from, String to) {
    return noClasses()
        .that()
        .resideInAPackage(from)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(to)
        .because("what the deployables share lives in common")
        .allowEmptyShould(true);
  }

  /** A module's main classes ({@code io.mirrorwatch.<module>}), without any test class. */
  public static JavaClasses mainClasses(String module) {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT + "." + module);
    if (classes.isEmpty()) {
      throw new IllegalStateException("no main class in " + ROOT + "." + module);
    }
    return classes;
  }

  /**
   * Asserts that {@code rule} holds on {@code classes}; on failure the message is ArchUnit's
   * report, which names every violation.
   */
  public static void assertHolds(ArchRule rule, JavaClasses classes) {
    EvaluationResult result = rule.evaluate(classes);
    assertThat(result.hasViolation()).as("%s", result.getFailureReport()).isFalse();
  }

  /**
   * Asserts that {@code rule} fails on the fixture classes of {@code fixturePackage} and names
   * {@code culprit} among its violations: the rule is not vacuous.
   */
  public static void assertBrokenBy(ArchRule rule, String fixturePackage, Class<?> culprit) {
    JavaClasses fixture = new ClassFileImporter().importPackages(fixturePackage);
    assertThat(fixture).as("fixture classes in %s", fixturePackage).isNotEmpty();
    assertThatThrownBy(() -> rule.check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(culprit.getName());
  }
}
