package io.netgamma.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Module layering (DESIGN.md): core → data → cli, one way. Maven already keeps core from seeing data and cli;
 * this test keeps data from reaching into cli and core from growing framework dependencies through data.
 */
class ModuleLayeringTest {

  private static final JavaClasses ALL = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.netgamma");

  @Test
  void dataDoesNotDependOnTheCli() {
    noClasses().that().resideInAPackage("io.netgamma.data..")
        .should().dependOnClassesThat().resideInAnyPackage("io.netgamma.cli..", "picocli..")
        .check(ALL);
  }

  @Test
  void coreDependsOnNothingAboveIt() {
    noClasses().that().resideInAPackage("io.netgamma.core..")
        .should().dependOnClassesThat().resideInAnyPackage("io.netgamma.data..", "io.netgamma.cli..",
            "io.netgamma.bench..", "tools.jackson..", "picocli..")
        .check(ALL);
  }
}
