package dev.deskcc.sim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Which host packages may use which: the desk's machinery ({@code desk.internal}) is the desk's
 * own, and the desk's contract knows nothing of its clients. See each package's {@code
 * package-info.java}.
 */
@AnalyzeClasses(packages = "dev.deskcc.sim", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule http_fixture_console_and_cli_use_only_the_desk_contract = noClasses()
      .that().resideInAnyPackage("..sim.http..", "..sim.fixture..", "..sim.console..", "..sim.cli..")
      .should().dependOnClassesThat().resideInAPackage("..desk.internal..")
      .because("the desk's public contract is dev.deskcc.sim.desk; desk.internal is its machinery");

  @ArchTest
  static final ArchRule nothing_outside_the_desk_reaches_into_desk_internal = noClasses()
      .that().resideOutsideOfPackage("..sim.desk..")
      .should().dependOnClassesThat().resideInAPackage("..desk.internal..")
      .because("only the desk itself wires and runs its internal parts");

  @ArchTest
  static final ArchRule the_desk_does_not_depend_on_http_fixtures_console_or_cli = noClasses()
      .that().resideInAPackage("..sim.desk..")
      .should().dependOnClassesThat()
      .resideInAnyPackage("..sim.http..", "..sim.fixture..", "..sim.console..", "..sim.cli..")
      .because("HTTP, fixtures, the console and the command line are clients of the desk");
}
